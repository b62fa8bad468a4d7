package com.tobacco.retailcrm.maintenance.change;

import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import java.util.HashMap;
import java.util.Map;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 任务分派 — who a step is for: a named person (the customer's manager, that manager's market manager) or a role
 * within the customer's county (county head) or company-wide (market, sales, distribution department). The process
 * files say which; this names the people for a request, as variables its process reads. The engine lets a named
 * person's backup (AB岗) act for them on the days of the delegation.
 */
@Component
class StepAssignment {

    private final UserDirectory users;
    private final OrgDirectory org;

    StepAssignment(UserDirectory users, OrgDirectory org) {
        this.users = users;
        this.org = org;
    }

    /**
     * The process variables naming who does the steps of this request: {@code manager} (the customer's manager),
     * {@code marketManager} (that manager's market manager), {@code approver} (the head of a bulk uploader's
     * department) — each null when there is no such enabled person, so the step falls back to its candidate role — and
     * {@code deptRole}, the department that approves an order-cycle change (distribution for delivery fields only).
     */
    Map<String, Object> variables(ChangeRequest request) {
        Map<String, Object> variables = new HashMap<>();
        Optional<UserRef> manager = enabled(request.customerManager()).filter(u -> u.roles().contains(Role.CUSTOMER_MANAGER));
        variables.put("manager", manager.map(UserRef::username).orElse(null));
        variables.put("marketManager", enabled(request.customerManager()).flatMap(u -> enabled(u.supervisor()))
                .filter(s -> s.roles().contains(Role.MARKET_MANAGER)).map(UserRef::username).orElse(null));
        variables.put("approver", enabled(request.requester()).flatMap(u -> enabled(u.supervisor()))
                .filter(s -> s.roles().contains(Role.MARKET_DEPT)).map(UserRef::username).orElse(null));
        variables.put("deptRole", (request.changes().keySet().stream().allMatch(ChangeType.DELIVERY_FIELDS::contains)
                ? Role.DISTRIBUTION_DEPT : Role.SALES_DEPT).name());
        return variables;
    }

    /** The company's org unit (the root): company-wide steps are scoped to it. */
    long companyId() {
        return org.all().stream().filter(u -> u.parentCode() == null).findFirst().map(OrgUnitRef::id)
                .orElseThrow(() -> new IllegalStateException("no root org unit"));
    }

    Optional<Long> countyId(String countyCode) {
        return countyCode == null ? Optional.empty() : org.findByCode(countyCode).map(OrgUnitRef::id);
    }

    /** The name of a county; empty for none and for the company (company-wide steps name no county). */
    Optional<String> countyName(Long id) {
        return id == null ? Optional.empty() : org.findById(id).filter(u -> u.parentCode() != null)
                .map(OrgUnitRef::name);
    }

    Optional<String> displayName(String username) {
        return username == null ? Optional.empty() : users.find(username).map(UserRef::displayName)
                .filter(Objects::nonNull);
    }

    private Optional<UserRef> enabled(String username) {
        return username == null ? Optional.empty() : users.find(username).filter(UserRef::enabled);
    }
}
