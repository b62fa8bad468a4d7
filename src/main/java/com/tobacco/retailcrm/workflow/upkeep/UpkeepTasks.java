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
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The open upkeep tasks of the signed-in user (theirs by name or by role) and their completion. */
@Service
public class UpkeepTasks {

    private final UpkeepStore store;
    private final Clock clock;

    UpkeepTasks(UpkeepStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
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
