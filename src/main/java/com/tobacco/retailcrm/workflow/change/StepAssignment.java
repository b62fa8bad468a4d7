package com.tobacco.retailcrm.workflow.change;

import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 任务分派 — who a step is for: a named person (the customer's manager, that manager's market manager) or a role
 * within the customer's county (county head) or company-wide (market, sales, distribution department). A named
 * person's backup (AB岗) acts for them on the days of the delegation.
 */
@Component
class StepAssignment {

    /** Exactly one of {@code assignee} and {@code role} is set; {@code unit} limits the role to a county's subtree. */
    record Candidate(String assignee, Role role, Long unit) {
    }

    private final UserDirectory users;
    private final OrgDirectory org;

    StepAssignment(UserDirectory users, OrgDirectory org) {
        this.users = users;
        this.org = org;
    }

    Candidate resolve(StepKey step, ChangeRequest request, Long county) {
        if (step == StepKey.BULK_APPROVE) {
            // the head of the requester's department: their supervisor when that person is in the market department
            return enabled(request.requester()).flatMap(u -> enabled(u.supervisor()))
                    .filter(s -> s.roles().contains(Role.MARKET_DEPT))
                    .map(s -> new Candidate(s.username(), null, null))
                    .orElse(new Candidate(null, Role.MARKET_DEPT, null));
        }
        return switch (step.performer()) {
            case COUNTY_HEAD -> new Candidate(null, Role.COUNTY_HEAD, county);
            case MARKET_DEPT -> new Candidate(null, Role.MARKET_DEPT, null);
            case DEPARTMENT -> new Candidate(null, request.changes().keySet().stream()
                    .allMatch(ChangeType.DELIVERY_FIELDS::contains) ? Role.DISTRIBUTION_DEPT : Role.SALES_DEPT, null);
            case CUSTOMER_MANAGER -> enabled(request.customerManager())
                    .filter(u -> u.roles().contains(Role.CUSTOMER_MANAGER))
                    .map(u -> new Candidate(u.username(), null, null))
                    .orElse(new Candidate(null, Role.CUSTOMER_MANAGER, county));
            case MARKET_MANAGER -> enabled(request.customerManager()).flatMap(u -> enabled(u.supervisor()))
                    .filter(s -> s.roles().contains(Role.MARKET_MANAGER))
                    .map(s -> new Candidate(s.username(), null, null))
                    .orElse(new Candidate(null, Role.MARKET_MANAGER, county));
        };
    }

    /** Whether the user may act on the step: its assignee (or their backup today), or the role within the unit. */
    boolean mayAct(ChangeRequest.Step step, CurrentUser user, LocalDate today) {
        if (step.assignee() != null) {
            return step.assignee().equals(user.username()) || users.backupOn(step.assignee(), today)
                    .map(UserRef::username).filter(user.username()::equals).isPresent();
        }
        return user.has(Role.valueOf(step.candidateRole()))
                && (step.candidateUnit() == null || org.subtreeIds(step.candidateUnit()).contains(user.orgUnitId()));
    }

    /** Who may do the step: its assignee, or the holders of its role within its unit (the company when none). */
    java.util.List<UserRef> doers(ChangeRequest.Step step) {
        if (step.assignee() != null) {
            return users.find(step.assignee()).stream().toList();
        }
        Long unit = step.candidateUnit() != null ? step.candidateUnit()
                : org.all().stream().filter(u -> u.parentCode() == null).findFirst().map(OrgUnitRef::id).orElse(null);
        return unit == null ? java.util.List.of() : users.withRoleUnder(Role.valueOf(step.candidateRole()), unit);
    }

    /** The county (org unit id) a user works in, if any — to find the county steps they may act on. */
    Optional<Long> countyOf(CurrentUser user) {
        return org.countyOf(user.orgUnitId()).map(OrgUnitRef::id);
    }

    Optional<Long> countyId(String countyCode) {
        return countyCode == null ? Optional.empty() : org.findByCode(countyCode).map(OrgUnitRef::id);
    }

    Optional<String> countyName(Long id) {
        return id == null ? Optional.empty() : org.findById(id).map(OrgUnitRef::name);
    }

    Optional<String> displayName(String username) {
        return username == null ? Optional.empty() : users.find(username).map(UserRef::displayName)
                .filter(Objects::nonNull);
    }

    private Optional<UserRef> enabled(String username) {
        return username == null ? Optional.empty() : users.find(username).filter(UserRef::enabled);
    }
}
