package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.api.FieldType;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.Role;

/**
 * Who sees a sensitive field in clear (docs/domain/customer-archive.md): the customer's own customer manager and MARKET_DEPT see all
 * of them, SERVICE_AGENT sees the phones; everyone else sees them masked.
 */
public final class SensitiveAccess {

    private SensitiveAccess() {
    }

    public static boolean mayReadClear(CurrentUser user, String customerManager, FieldDefinition field) {
        if (user == null) {
            return false;
        }
        if (user.has(Role.MARKET_DEPT)) {
            return true;
        }
        if (user.has(Role.CUSTOMER_MANAGER) && user.username().equals(customerManager)) {
            return true;
        }
        return user.has(Role.SERVICE_AGENT) && field.type() == FieldType.PHONE;
    }
}
