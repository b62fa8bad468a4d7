package com.tobacco.retailcrm.customer.api;

import java.util.Map;

/**
 * Read-only facts another module keeps about a customer (e.g. the services suspended for it now), shown beside its
 * archive fields by {@code GET /api/v1/customers/{code}}. A bean per contributing module; called after the caller's
 * access to the customer was checked.
 */
public interface CustomerAttributes {

    /** Attributes by name (never an archive field's key); empty when none applies now. */
    Map<String, Object> of(String customerCode);
}
