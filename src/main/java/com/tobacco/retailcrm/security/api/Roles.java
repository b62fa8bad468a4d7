package com.tobacco.retailcrm.security.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@link Role}s as access rules name them: {@code @PreAuthorize} takes only constant expressions, so the common
 * ones are written here once (RolesTest checks they name exactly these roles), and menus get the role names from the
 * sets.
 */
public final class Roles {

    /**
     * The nine business roles of docs/domain/organisation-and-security.md — everyone who works with the retailers' data (not the admins, not the
     * service chapter's two approver roles).
     */
    public static final Set<Role> BUSINESS_ROLES = Collections.unmodifiableSet(EnumSet.of(Role.CUSTOMER_MANAGER,
            Role.MARKET_MANAGER, Role.COUNTY_HEAD, Role.MARKET_DEPT, Role.DISTRIBUTION_DEPT, Role.SALES_DEPT,
            Role.MONOPOLY_OFFICER, Role.SERVICE_AGENT, Role.LEADER));

    /** {@link #BUSINESS_ROLES} as a {@code @PreAuthorize} expression. */
    public static final String BUSINESS = "hasAnyRole('CUSTOMER_MANAGER', 'MARKET_MANAGER', 'COUNTY_HEAD', "
            + "'MARKET_DEPT', 'DISTRIBUTION_DEPT', 'SALES_DEPT', 'MONOPOLY_OFFICER', 'SERVICE_AGENT', 'LEADER')";

    public static final String SYSTEM_ADMIN = "hasRole('SYSTEM_ADMIN')";
    public static final String SECURITY_ADMIN = "hasRole('SECURITY_ADMIN')";
    public static final String MONOPOLY_OFFICER = "hasRole('MONOPOLY_OFFICER')";
    public static final String MARKET_DEPT = "hasRole('MARKET_DEPT')";

    private Roles() {
    }

    /** The roles' names, for what takes them as text (menu entries), in the enum's order. */
    public static Set<String> names(Role... roles) {
        return Arrays.stream(roles).sorted().map(Role::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static Set<String> names(Set<Role> roles) {
        return names(roles.toArray(Role[]::new));
    }

    /** The {@code @PreAuthorize} expression allowing any of the roles, as {@link #BUSINESS} is written. */
    public static String anyOf(Set<Role> roles) {
        return roles.stream().sorted().map(r -> "'" + r.name() + "'")
                .collect(Collectors.joining(", ", "hasAnyRole(", ")"));
    }
}
