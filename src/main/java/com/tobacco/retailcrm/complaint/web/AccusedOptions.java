package com.tobacco.retailcrm.complaint.web;

import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Whom a service-attitude complaint (服务态度投诉) may name: the company's staff who deal with retailers, picked from a
 * list by name and unit instead of typing a username.
 */
@Component
class AccusedOptions {

    /** The roles whose holders meet retailers; administrators and leaders are not on the list. */
    private static final List<Role> STAFF = List.of(Role.CUSTOMER_MANAGER, Role.MARKET_MANAGER, Role.COUNTY_HEAD,
            Role.MARKET_DEPT, Role.DISTRIBUTION_DEPT, Role.SALES_DEPT, Role.MONOPOLY_OFFICER, Role.SERVICE_AGENT);

    /** One person on the list: the value sent, the name shown, the unit beside it. */
    record Option(String username, String name, String unit) {
    }

    private final UserDirectory users;
    private final OrgDirectory org;

    AccusedOptions(UserDirectory users, OrgDirectory org) {
        this.users = users;
        this.org = org;
    }

    /** The staff by unit, then name. */
    List<Option> all() {
        Map<Long, String> units = org.all().stream().collect(Collectors.toMap(OrgUnitRef::id, OrgUnitRef::name));
        Map<String, UserRef> staff = new TreeMap<>();
        org.all().stream().filter(u -> u.parentCode() == null).forEach(root -> STAFF.forEach(role ->
                users.withRoleUnder(role, root.id()).forEach(u -> staff.putIfAbsent(u.username(), u))));
        return staff.values().stream()
                .map(u -> new Option(u.username(), u.displayName(), units.getOrDefault(u.orgUnitId(), "")))
                .sorted(Comparator.comparing(Option::unit).thenComparing(Option::name))
                .toList();
    }
}
