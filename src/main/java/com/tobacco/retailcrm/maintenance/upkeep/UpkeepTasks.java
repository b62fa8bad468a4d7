package com.tobacco.retailcrm.maintenance.upkeep;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.UserDirectory;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The open upkeep tasks of the signed-in user (theirs by name or by role) and their completion. */
@Service
public class UpkeepTasks {

    private final UpkeepStore store;
    private final Clock clock;
    private final UserDirectory users;

    private final AuditLog audit;
    private final UpkeepData data;

    UpkeepTasks(UpkeepStore store, Clock clock, UserDirectory users, AuditLog audit, UpkeepData data) {
        this.audit = audit;
        this.data = data;
        this.store = store;
        this.clock = clock;
        this.users = users;
    }

    /**
     * The open tasks of the people the user oversees: a market manager's team, the customer and market managers of a
     * county head's county, everyone's for company-wide roles; soonest due first, at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<UpkeepTask> inScope(Boolean overdue, int limit) {
        Set<String> people = overseen(CurrentUsers.require());
        if (people != null && people.isEmpty()) {
            return List.of();
        }
        return store.openOf(people, overdue, clock.instant(), limit);
    }

    /** Whose tasks a page shows: my own (by name or role), or those of the people I oversee. */
    public enum View { MINE, TEAM }

    /**
     * 定期维护任务 page: my tasks or my team's, by kind, state ({@code done} null for both) and lateness, open ones
     * first and soonest due first.
     */
    @Transactional(readOnly = true)
    public PageResponse<UpkeepTask> page(View view, UpkeepKind kind, Boolean done, Boolean overdue, PageQuery page) {
        CurrentUser me = CurrentUsers.require();
        String owners;
        List<Object> args = new java.util.ArrayList<>();
        if (view == View.MINE) {
            owners = "assignee = ? or candidate_role = any (?)";
            args.add(me.username());
            args.add(me.roles().stream().map(Role::name).toArray(String[]::new));
        } else {
            Set<String> people = overseen(me);
            owners = people == null ? "true" : "assignee = any (?)";
            if (people != null) {
                args.add(people.toArray(String[]::new));
            }
        }
        var now = clock.instant();
        return new PageResponse<>(store.page(owners, args, kind, done, overdue, now, (int) page.offset(), page.size()),
                store.count(owners, args, kind, done, overdue, now), page.page(), page.size());
    }

    /** The people whose tasks the user oversees; null for everyone (company-wide roles). */
    private Set<String> overseen(CurrentUser me) {
        DataScope scope = users.scopeOf(me);
        return switch (scope.kind()) {
            case COMPANY -> null;
            case NONE -> Set.of();
            case OWN, TEAM -> scope.managers();
            case COUNTY -> {
                Set<String> inCounty = new HashSet<>();
                for (long unit : scope.orgUnitIds()) {
                    for (Role role : List.of(Role.CUSTOMER_MANAGER, Role.MARKET_MANAGER)) {
                        users.withRoleUnder(role, unit).forEach(u -> inCounty.add(u.username()));
                    }
                }
                yield inCounty;
            }
        };
    }

    @Transactional(readOnly = true)
    public PageResponse<UpkeepTask> mine(Boolean overdue, PageQuery page) {
        CurrentUser me = CurrentUsers.require();
        List<String> roles = me.roles().stream().map(Role::name).toList();
        var now = clock.instant();
        return new PageResponse<>(store.open(me.username(), roles, overdue, now, (int) page.offset(), page.size()),
                store.countOpen(me.username(), roles, overdue, now), page.page(), page.size());
    }

    /**
     * Marks a task done by its assignee or a holder of its role; a done task cannot be done again. Its {@code data}
     * (a half-year review's fields, see {@link UpkeepData}) is applied in the same transaction: a refusal leaves the
     * task open and the archive as it was.
     */
    @Transactional
    public UpkeepTask complete(long id, String comment, Map<String, Object> sent) {
        CurrentUser me = CurrentUsers.require();
        UpkeepTask task = store.find(id, true).orElseThrow(() -> new NotFoundException("upkeep.error.notFound", id));
        boolean mine = me.username().equals(task.assignee())
                || task.candidateRole() != null && me.has(Role.valueOf(task.candidateRole()));
        if (!mine) {
            throw new ForbiddenException("upkeep.error.notYours", id);
        }
        if (task.completedAt() != null) {
            throw new BusinessRuleException("upkeep.error.done", id);
        }
        if (comment != null && comment.length() > 1000) {
            throw new InvalidInputException("comment", "{upkeep.error.tooLong}");
        }
        data.apply(task, sent == null ? Map.of() : sent);
        store.complete(id, me.username(), clock.instant().truncatedTo(ChronoUnit.SECONDS),
                comment == null || comment.isBlank() ? null : comment.strip());
        audit.record(new AuditEntry("UPKEEP_TASK_DONE", "UPKEEP_TASK", String.valueOf(id), task.customerCode(),
                com.tobacco.retailcrm.audit.api.AuditOutcome.SUCCESS, "kind=" + task.kind(), null));
        return store.find(id, false).orElseThrow();
    }
}
