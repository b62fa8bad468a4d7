package com.tobacco.retailcrm.workflow.engine;

import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may take a task. A candidate group {@code ROLE@unitId} admits the holders of ROLE whose org unit lies in that
 * unit's subtree (a county's managers for {@code CUSTOMER_MANAGER@county}; everyone of a department for
 * {@code MARKET_DEPT@company}). A backup (AB岗) may also take what the people they stand in for today may take.
 */
@Component
class TaskAccess {

    private final OrgDirectory org;
    private final UserDirectory users;
    private final Clock clock;
    private final com.tobacco.retailcrm.calendar.api.WorkingCalendar calendar;

    TaskAccess(OrgDirectory org, UserDirectory users, Clock clock,
               com.tobacco.retailcrm.calendar.api.WorkingCalendar calendar) {
        this.org = org;
        this.users = users;
        this.clock = clock;
        this.calendar = calendar;
    }

    static String group(Role role, long orgUnitId) {
        return role.name() + "@" + orgUnitId;
    }

    /** The candidate groups a user with these roles sitting in this unit belongs to. */
    Set<String> groupsOf(long orgUnitId, Set<Role> roles) {
        Set<String> groups = new LinkedHashSet<>();
        for (long unit : ancestors(orgUnitId)) {
            roles.forEach(r -> groups.add(group(r, unit)));
        }
        return groups;
    }

    Set<String> groupsOf(UserRef user) {
        return groupsOf(user.orgUnitId(), user.roles());
    }

    /** The unit and every unit above it. */
    List<Long> ancestors(long orgUnitId) {
        List<Long> result = new java.util.ArrayList<>();
        for (OrgUnitRef u = org.findById(orgUnitId).orElse(null); u != null;
             u = u.parentCode() == null ? null : org.findByCode(u.parentCode()).orElse(null)) {
            result.add(u.id());
        }
        return result;
    }

    java.time.ZoneId zone() {
        return calendar.zone();
    }

    long companyOrgUnitId() {
        return org.all().stream().filter(u -> u.parentCode() == null).findFirst().map(OrgUnitRef::id)
                .orElseThrow(() -> new IllegalStateException("no root org unit"));
    }

    /** The people the user stands in for today (AB岗). */
    List<UserRef> standingInFor(String username) {
        return users.backedUpBy(username, LocalDate.ofInstant(clock.instant(), calendar.zone()));
    }

    /** Everyone who may take a task for a candidate group, for telling them. */
    List<UserRef> holders(String candidateGroup) {
        int at = candidateGroup.indexOf('@');
        try {
            Role role = Role.valueOf(candidateGroup.substring(0, at));
            return users.withRoleUnder(role, Long.parseLong(candidateGroup.substring(at + 1)));
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
