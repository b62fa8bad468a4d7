package com.tobacco.retailcrm.complaint.service;

import com.tobacco.retailcrm.complaint.domain.CallbackLevel;
import com.tobacco.retailcrm.complaint.domain.Callbacks;
import com.tobacco.retailcrm.complaint.domain.Complaint;
import com.tobacco.retailcrm.complaint.domain.ComplaintAction;
import com.tobacco.retailcrm.complaint.domain.ComplaintStatus;
import com.tobacco.retailcrm.complaint.domain.Lifecycle;
import com.tobacco.retailcrm.complaint.domain.Priority;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 投诉查询 — one complaint with what the caller may do on it, the filtered list, the caller's open work, and the names
 * of the people and units the pages show; always within what the signed-in user may see.
 */
@Service
public class ComplaintListing {

    private final ComplaintStore store;
    private final ComplaintAccess access;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final Callbacks callbacks;
    private final ComplaintProperties properties;
    private final Clock clock;

    ComplaintListing(ComplaintStore store, ComplaintAccess access, UserDirectory users, OrgDirectory org,
                     ComplaintProperties properties, Clock clock) {
        this.store = store;
        this.access = access;
        this.users = users;
        this.org = org;
        this.callbacks = properties.requiredCallbacks();
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ComplaintDetails get(long id) {
        CurrentUser me = CurrentUsers.require();
        return details(visible(id, me), me);
    }

    @Transactional(readOnly = true)
    public PageResponse<Complaint> list(ComplaintFilter filter, PageQuery page) {
        CurrentUser me = CurrentUsers.require();
        ComplaintAccess.Predicate visible = access.visible(me);
        StringBuilder where = new StringBuilder(" where ").append(visible.sql());
        List<Object> args = new ArrayList<>(visible.args());
        if (filter.status() != null) {
            where.append(" and status = ?");
            args.add(filter.status().name());
        }
        if (filter.category() != null) {
            where.append(" and category = ?");
            args.add(filter.category().name());
        }
        if (filter.from() != null) {
            where.append(" and received_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and received_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        if (Boolean.TRUE.equals(filter.mine())) {
            where.append(" and (assignee = ? or first_contact_owner = ?)");
            args.add(me.username());
            args.add(me.username());
        }
        if (filter.overdue() != null) {
            Timestamp now = Timestamp.from(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            String overdue = "(status in " + ComplaintStore.OPEN_STATUSES + " and ((first_response_at is null and "
                    + "due_first_response_at < coalesce(paused_at, ?)) or due_resolution_at < coalesce(paused_at, ?)))";
            where.append(filter.overdue() ? " and " : " and not ").append(overdue);
            args.add(now);
            args.add(now);
        }
        String order = switch (page.sortField() == null ? "receivedAt" : page.sortField()) {
            case "number" -> "number";
            case "dueResolutionAt" -> "due_resolution_at";
            default -> "received_at";
        };
        return store.page("from complaint" + where, order + (page.ascending() ? " asc" : " desc") + ", id desc", args,
                page);
    }

    /** The open complaints in the caller's hands: to assign (desk), to answer (assignee), to call back or close (owner). */
    @Transactional(readOnly = true)
    public List<Complaint> myWork() {
        CurrentUser me = CurrentUsers.require();
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select * from complaint where (accused_employee is null or "
                + "accused_employee <> ?) and (assignee = ? and status in ('ASSIGNED','IN_PROGRESS','PAUSED')");
        args.add(me.username());
        args.add(me.username());
        if (access.atDesk(me)) {
            sql.append(" or status = 'RECEIVED' or (first_contact_owner = ? and status in ('RESOLVED','CALLED_BACK'))");
            args.add(me.username());
        }
        sql.append(") order by due_resolution_at limit ").append(PageQuery.MAX_SIZE);
        return store.query(sql.toString(), args.toArray());
    }

    /** The actions the caller may take on the complaint now (the page shows only these). */
    public Set<ComplaintAction> allowedActions(Complaint c, CurrentUser me) {
        Set<ComplaintAction> allowed = EnumSet.noneOf(ComplaintAction.class);
        boolean desk = access.atDesk(me);
        boolean worker = access.mayWork(me, c);
        for (ComplaintAction a : List.of(ComplaintAction.ASSIGN, ComplaintAction.CALLBACK, ComplaintAction.CLOSE,
                ComplaintAction.LINK)) {
            if (desk && (a == ComplaintAction.LINK || Lifecycle.allows(a, c.status()))) {
                allowed.add(a);
            }
        }
        for (ComplaintAction a : List.of(ComplaintAction.RESPOND, ComplaintAction.PAUSE, ComplaintAction.RESUME,
                ComplaintAction.RESOLVE)) {
            if (worker && Lifecycle.allows(a, c.status())) {
                allowed.add(a);
            }
        }
        if (allowed.contains(ComplaintAction.CLOSE) && !missingCallbacks(c).isEmpty()) {
            allowed.remove(ComplaintAction.CLOSE);
        }
        return allowed;
    }

    public Set<CallbackLevel> requiredCallbacks(Priority priority) {
        return callbacks.required(priority);
    }

    public String displayName(String username) {
        return username == null ? null : users.find(username).map(UserRef::displayName).orElse(username);
    }

    public Optional<String> orgUnitName(Long id) {
        return id == null ? Optional.empty() : org.findById(id).map(OrgUnitRef::name);
    }

    /**
     * The user's supervisor chain, nearest first: where a staff-conduct complaint may go, and whom a breach reaches
     * (the nearest, and for MAJOR also the last: the department head).
     */
    public List<UserRef> superiorsOf(String username) {
        List<UserRef> chain = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Optional<UserRef> at = users.find(username);
        while (at.isPresent() && at.get().supervisor() != null && seen.add(at.get().supervisor()) && seen.size() < 10) {
            at = users.find(at.get().supervisor());
            at.ifPresent(chain::add);
        }
        return chain;
    }

    ComplaintDetails details(Complaint c, CurrentUser me) {
        List<Complaint> duplicates = c.customerCode() == null ? List.of()
                : store.sameCustomerAndCategory(c.customerCode(), c.category(),
                        c.receivedAt().minus(properties.duplicateWindow()),
                        c.receivedAt().plus(properties.duplicateWindow()), c.id()).stream()
                .filter(d -> access.maySee(me, d)).toList();
        return new ComplaintDetails(c, store.events(c.id()), store.callbacks(c.id()), duplicates,
                allowedActions(c, me), c.status() == ComplaintStatus.RESOLVED || c.status() == ComplaintStatus.CALLED_BACK
                        ? missingCallbacks(c) : List.of());
    }

    ComplaintDetails details(long id, CurrentUser me) {
        return details(store.find(id).orElseThrow(), me);
    }

    /** The callback levels the priority still needs in the current round before the complaint may close. */
    List<CallbackLevel> missingCallbacks(Complaint c) {
        return callbacks.missing(c.priority(), acceptedLevels(c));
    }

    Set<CallbackLevel> acceptedLevels(Complaint c) {
        Set<CallbackLevel> levels = EnumSet.noneOf(CallbackLevel.class);
        store.callbacks(c.id()).stream().filter(b -> b.round() == c.callbackRound() && b.satisfaction().accepted())
                .forEach(b -> levels.add(b.level()));
        return levels;
    }

    Complaint visible(long id, CurrentUser me) {
        return store.find(id).filter(c -> access.maySee(me, c))
                .orElseThrow(() -> new NotFoundException("complaint.error.notFound", id));
    }

    /** The complaint for an action: visible to the caller, and the version they saw when they sent one (409). */
    Complaint load(long id, Long version, CurrentUser me) {
        Complaint c = visible(id, me);
        if (version != null && version != c.version()) {
            throw new ConflictException("version", "complaint.error.stale", c.number());
        }
        return c;
    }
}
