package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.shared.api.CustomerNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Store names by customer code for the audit log's readable objects. Not limited to a data scope: the audit
 * administrator, who has none, must still see which customer an event concerns; the store name is not personal.
 */
@Component
class JdbcCustomerNames implements CustomerNames {

    private final JdbcTemplate jdbc;

    JdbcCustomerNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> storeNames(Collection<String> customerCodes) {
        Map<String, String> names = new HashMap<>();
        if (customerCodes.isEmpty()) {
            return names;
        }
        jdbc.query("select customer_code, store_name from customer where customer_code = any(?)",
                rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                }, (Object) customerCodes.toArray(String[]::new));
        return names;
    }
}
