package com.tobacco.retailcrm.security.api;

import java.util.List;
import java.util.Set;

/**
 * 数据范围 — which customers a user may see, computed from role and org unit. The widest scope of the user's
 * roles wins. It is turned into a SQL predicate so that the database filters, never the page after loading.
 *
 * @param kind          how wide
 * @param managers      for {@link Kind#OWN} and {@link Kind#TEAM}: the customer managers whose customers are visible
 * @param orgUnitIds    for {@link Kind#COUNTY}: the county's org units
 */
public record DataScope(Kind kind, Set<String> managers, Set<Long> orgUnitIds) {

    /** From narrowest to widest. */
    public enum Kind {
        NONE, OWN, TEAM, COUNTY, COMPANY
    }

    public static DataScope none() {
        return new DataScope(Kind.NONE, Set.of(), Set.of());
    }

    public static DataScope company() {
        return new DataScope(Kind.COMPANY, Set.of(), Set.of());
    }

    /**
     * A predicate on a customer row, given the columns that hold its manager's username and its county org unit id.
     * The returned SQL uses positional parameters, in the order of {@link SqlPredicate#args()}.
     */
    public SqlPredicate toSql(String managerColumn, String orgUnitColumn) {
        return switch (kind) {
            case COMPANY -> new SqlPredicate("true", List.of());
            case NONE -> new SqlPredicate("false", List.of());
            // (Object): the array must stay ONE bound argument; List.of(array) would spread it into one per element.
            case OWN, TEAM -> new SqlPredicate(managerColumn + " = any(?)", List.of((Object) managers.toArray(String[]::new)));
            case COUNTY -> new SqlPredicate(orgUnitColumn + " = any(?)", List.of((Object) orgUnitIds.toArray(Long[]::new)));
        };
    }

    /** Whether a customer with this manager and county org unit is inside the scope. */
    public boolean includes(String manager, Long orgUnitId) {
        return switch (kind) {
            case COMPANY -> true;
            case NONE -> false;
            case OWN, TEAM -> manager != null && managers.contains(manager);
            case COUNTY -> orgUnitId != null && orgUnitIds.contains(orgUnitId);
        };
    }

    /** A SQL boolean expression and its arguments (arrays are bound as SQL arrays). */
    public record SqlPredicate(String sql, List<Object> args) {
    }
}
