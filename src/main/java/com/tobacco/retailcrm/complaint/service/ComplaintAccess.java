package com.tobacco.retailcrm.complaint.service;

import com.tobacco.retailcrm.complaint.domain.Complaint;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who sees and who works a complaint. The complaint desk (客服坐席, 市场部) and leaders see all; others see the complaints
 * they took, handle or supervise and those of customers within their data scope. Whoever a staff-conduct complaint
 * accuses never sees it, whatever their role.
 */
@Component
class ComplaintAccess {

    /** Roles that take in, assign, call back and close complaints (API.md). */
    static final Set<Role> DESK = EnumSet.of(Role.SERVICE_AGENT, Role.MARKET_DEPT);

    private final UserDirectory users;

    ComplaintAccess(UserDirectory users) {
        this.users = users;
    }

    /** A SQL predicate on table alias-free complaint columns and its positional arguments. */
    record Predicate(String sql, List<Object> args) {
    }

    Predicate visible(CurrentUser me) {
        List<Object> args = new ArrayList<>();
        args.add(me.username());
        String notAccused = "(accused_employee is null or accused_employee <> ?)";
        DataScope scope = users.scopeOf(me);
        if (scope.kind() == DataScope.Kind.COMPANY) {
            return new Predicate(notAccused, args);
        }
        DataScope.SqlPredicate customers = scope.toSql("customer_manager", "customer_county_id");
        String[] reports = reports(me).toArray(String[]::new);
        args.add(me.username());
        args.add(me.username());
        args.add(reports);
        args.addAll(customers.args());
        return new Predicate(notAccused + " and (first_contact_owner = ? or assignee = ? or assignee = any(?) or ("
                + customers.sql() + "))", args);
    }

    boolean maySee(CurrentUser me, Complaint c) {
        if (me.username().equals(c.accusedEmployee())) {
            return false;
        }
        DataScope scope = users.scopeOf(me);
        return me.username().equals(c.firstContactOwner()) || me.username().equals(c.assignee())
                || (c.assignee() != null && reports(me).contains(c.assignee()))
                || scope.includes(c.customerManager(), c.customerCountyId())
                || scope.kind() == DataScope.Kind.COMPANY;
    }

    /** The assignee or one of their superiors (respond, pause, resume, resolve). */
    boolean mayWork(CurrentUser me, Complaint c) {
        return c.assignee() != null && !me.username().equals(c.accusedEmployee())
                && (me.username().equals(c.assignee()) || reports(me).contains(c.assignee()));
    }

    boolean atDesk(CurrentUser me) {
        return me.roles().stream().anyMatch(DESK::contains);
    }

    private List<String> reports(CurrentUser me) {
        return users.reportsOf(me.username()).stream().map(UserRef::username).toList();
    }
}
