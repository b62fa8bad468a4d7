package com.tobacco.retailcrm.rating;

import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of this module's rows (integrity ratings, violations) a list shows: those of one customer the caller may see
 * (404 otherwise), else every row within the caller's data scope by the manager and county the row was written with.
 * Each row's table, under {@code alias}, has {@code customer_code}, {@code customer_manager} and {@code county_id}.
 */
public final class CustomerRows {

    private final StringBuilder where = new StringBuilder("true");
    private final List<Object> args = new ArrayList<>();

    private CustomerRows() {
    }

    public static CustomerRows of(String alias, String customerCode, CustomerArchive archive, UserDirectory users) {
        CustomerRows rows = new CustomerRows();
        if (customerCode != null && !customerCode.isBlank()) {
            String code = customerCode.strip();
            archive.find(code).orElseThrow(() -> new NotFoundException("customer.error.notFound", code));
            return rows.and(alias + ".customer_code = ?", code);
        }
        DataScope.SqlPredicate scope = users.scopeOf(CurrentUsers.require())
                .toSql(alias + ".customer_manager", alias + ".county_id");
        rows.where.append(" and (").append(scope.sql()).append(")");
        rows.args.addAll(scope.args());
        return rows;
    }

    /** Narrows the rows by a condition with one parameter, when the caller gave a value for it. */
    public CustomerRows and(String condition, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            args.add(value);
        }
        return this;
    }

    public String where() {
        return where.toString();
    }

    public List<Object> args() {
        return args;
    }
}
