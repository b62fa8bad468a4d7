package com.tobacco.retailcrm.workflow.upkeep;

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
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The open upkeep tasks of the signed-in user (theirs by name or by role) and their completion. */
@Service
public class UpkeepTasks {

    private final UpkeepStore store;
    private final Clock clock;
    private final UserDirectory users;

    UpkeepTasks(UpkeepStore store, Clock clock, UserDirectory users) {
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
        DataScope scope = users.scopeOf(CurrentUsers.require());
        Set<String> people = switch (scope.kind()) {
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
        if (people != null && people.isEmpty()) {
            return List.of();
        }
        return store.openOf(people, overdue, clock.instant(), limit);
    }

    @Transactional(readOnly = true)
    public PageResponse<UpkeepTask> mine(Boolean overdue, PageQuery page) {
        CurrentUser me = CurrentUsers.require();
        List<String> roles = me.roles().stream().map(Role::name).toList();
        var now = clock.instant();
        return new PageResponse<>(store.open(me.username(), roles, overdue, now, (int) page.offset(), page.size()),
                store.countOpen(me.username(), roles, overdue, now), page.page(), page.size());
    }

    /** Marks a task done by its assignee or a holder of its role; a done task cannot be done again. */
    @Transactional
    public UpkeepTask complete(long id, String comment) {
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
        store.complete(id, me.username(), clock.instant().truncatedTo(ChronoUnit.SECONDS),
                comment == null || comment.isBlank() ? null : comment.strip());
        return store.find(id, false).orElseThrow();
    }
}
