package com.tobacco.retailcrm.complaint.service;

import com.tobacco.retailcrm.complaint.domain.CallbackLevel;
import com.tobacco.retailcrm.complaint.domain.Callbacks;
import com.tobacco.retailcrm.complaint.domain.Category;
import com.tobacco.retailcrm.complaint.domain.Channel;
import com.tobacco.retailcrm.complaint.domain.ComplaintAction;
import com.tobacco.retailcrm.complaint.domain.ComplaintStatus;
import com.tobacco.retailcrm.complaint.domain.Deadlines;
import com.tobacco.retailcrm.complaint.domain.Lifecycle;
import com.tobacco.retailcrm.complaint.domain.Priority;
import com.tobacco.retailcrm.complaint.domain.Satisfaction;
import com.tobacco.retailcrm.complaint.domain.TimeLimits;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.customer.api.CustomerSummary;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.workflow.api.Notifications;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 投诉处理 — takes complaints in, moves them through their lifecycle by the people allowed to, writes every step on the
 * timeline and tells the first-contact owner (首问负责人) of it. All methods run as the signed-in user.
 */
@Service
public class ComplaintService {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    private final ComplaintStore store;
    private final ComplaintAccess access;
    private final CustomerArchive archive;
    private final UserDirectory users;
    private final OrgDirectory org;
    private final Notifications notifications;
    private final TimeLimits limits;
    private final Callbacks callbacks;
    private final ComplaintProperties properties;
    private final com.tobacco.retailcrm.shared.web.Messages messages;
    private final ZoneId zone;
    private final Clock clock;

    ComplaintService(ComplaintStore store, ComplaintAccess access, CustomerArchive archive, UserDirectory users,
                     OrgDirectory org, Notifications notifications, ComplaintProperties properties,
                     CrmProperties crm, com.tobacco.retailcrm.shared.web.Messages messages, Clock clock) {
        this.messages = messages;
        this.store = store;
        this.access = access;
        this.archive = archive;
        this.users = users;
        this.org = org;
        this.notifications = notifications;
        this.properties = properties;
        this.limits = properties.timeLimits();
        this.callbacks = properties.requiredCallbacks();
        this.zone = crm.zone();
        this.clock = clock;
    }

    /** What an agent types in; enum values and the received time as sent, checked here so each mistake is named. */
    public record IntakeCommand(String customerCode, String contactName, String contactPhone, String channel,
                                String category, String priority, String description, String receivedAt,
                                String accusedEmployee, Long duplicateOf) {
    }

    /** A complaint with its timeline, callbacks and the possible duplicates found for it. */
    public record Details(Complaint complaint, List<TimelineEntry> timeline,
                          List<CallbackRecord> callbacks, List<Complaint> possibleDuplicates,
                          Set<ComplaintAction> allowedActions, List<CallbackLevel> missingCallbacks) {
    }

    /** The list's filters; null means any. */
    public record Filter(ComplaintStatus status, Category category, Boolean overdue, Instant from, Instant to,
                         Boolean mine) {
    }

    // ------------------------------------------------------------------ intake

    @Transactional
    public Details intake(IntakeCommand command) {
        CurrentUser me = CurrentUsers.require();
        List<FieldProblem> problems = new ArrayList<>();
        Channel channel = enumValue(Channel.class, "channel", command.channel(), problems);
        Category category = enumValue(Category.class, "category", command.category(), problems);
        Priority priority = enumValue(Priority.class, "priority", command.priority(), problems);
        String contactName = text("contactName", command.contactName(), 100, true, problems);
        String contactPhone = text("contactPhone", command.contactPhone(), 20, true, problems);
        if (contactPhone != null && !com.tobacco.retailcrm.shared.api.PhoneNumbers.isValid(contactPhone)) {
            problems.add(new FieldProblem("contactPhone", "{complaint.error.phone}"));
        }
        String description = text("description", command.description(), 4000, true, problems);
        Instant now = now();
        Instant receivedAt = receivedAt(command.receivedAt(), now, problems);
        CustomerRecord customer = null;
        String code = text("customerCode", command.customerCode(), 20, false, problems);
        if (code != null) {
            customer = archive.find(code).orElse(null);
            if (customer == null) {
                problems.add(new FieldProblem("customerCode", "{complaint.error.customerUnknown}"));
            }
        }
        String accused = text("accusedEmployee", command.accusedEmployee(), 64, false, problems);
        if (accused != null) {
            if (category != null && category != Category.STAFF_CONDUCT) {
                problems.add(new FieldProblem("accusedEmployee", "{complaint.error.accusedNotConduct}"));
            } else if (users.find(accused).isEmpty()) {
                problems.add(new FieldProblem("accusedEmployee", "{complaint.error.userUnknown}"));
            } else if (accused.equals(me.username())) {
                problems.add(new FieldProblem("accusedEmployee", "{complaint.error.accusedSelf}"));
            }
        }
        Complaint duplicateOf = null;
        if (command.duplicateOf() != null) {
            duplicateOf = store.find(command.duplicateOf()).filter(d -> access.maySee(me, d)).orElse(null);
            if (duplicateOf == null) {
                problems.add(new FieldProblem("duplicateOf", "{complaint.error.notFound}"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Deadlines due = Deadlines.fixedAtIntake(receivedAt, limits.of(category, priority));
        String number = store.nextNumber(MONTH.format(now.atZone(zone)));
        String countyCode = customer == null ? null : customer.countyCode();
        Long countyId = countyCode == null ? null : org.findByCode(countyCode).map(OrgUnitRef::id).orElse(null);
        Complaint draft = new Complaint(0, number, channel, category, priority, ComplaintStatus.RECEIVED,
                customer == null ? null : customer.customerCode(), countyCode, countyId,
                customer == null ? null : (String) customer.get("customerManager"),
                customer == null ? null : (String) customer.get("storeName"), contactName, contactPhone, description,
                accused, receivedAt, now, me.username(), null, null, due.firstResponse(), due.resolution(), null, null,
                null, null, null, null, null, 0, 0, 0, null, null, duplicateOf == null ? null : duplicateOf.id(), 0);
        long id = store.insert(draft);
        store.addEvent(id, now, me.username(), ComplaintAction.INTAKE, null, ComplaintStatus.RECEIVED, description);
        if (duplicateOf != null) {
            store.addEvent(id, now, me.username(), ComplaintAction.LINK, null, null, duplicateOf.number());
        }
        return details(store.find(id).orElseThrow(), me);
    }

    // ------------------------------------------------------------------ actions

    /** 分派 / 转办: to a person; a second assignment is a transfer and says from whom to whom. */
    @Transactional
    public Details assign(long id, Long version, String assignee, String note) {
        CurrentUser me = CurrentUsers.require();
        Complaint c = load(id, version, me);
        desk(me);
        String who = requiredText("assignee", assignee, 64);
        UserRef target = users.find(who).filter(UserRef::enabled)
                .orElseThrow(() -> new InvalidInputException("assignee", "{complaint.error.userUnknown}"));
        ComplaintStatus to = Lifecycle.next(ComplaintAction.ASSIGN, c.status(), null);
        if (c.accusedEmployee() != null) {
            staffConductRouting(c, target);
        }
        if (target.username().equals(c.assignee())) {
            throw new BusinessRuleException("complaint.rule.assign.same", target.displayName());
        }
        Instant now = now();
        store.update(c, "status = ?, assignee = ?, assignee_org_unit_id = ?", to.name(), target.username(),
                target.orgUnitId());
        String message = c.assignee() == null ? target.displayName()
                : displayName(c.assignee()) + " → " + target.displayName();
        if (note != null && !note.isBlank()) {
            message += "：" + note.trim();
        }
        long event = store.addEvent(id, now, me.username(), ComplaintAction.ASSIGN, c.status(), to, message);
        tell(c, event, ComplaintAction.ASSIGN, me, message);
        notifications.tell(target.username(), "COMPLAINT", c.number() + "#" + event, "complaint.notice.assigned",
                List.of(c.number()), link(c));
        return details(store.find(id).orElseThrow(), me);
    }

    /**
     * A staff-conduct complaint goes to the accused's superior (any level up) or to the customer-service desk, never
     * to the accused nor to someone who reports to them.
     */
    private void staffConductRouting(Complaint c, UserRef target) {
        if (target.username().equals(c.accusedEmployee())) {
            throw new BusinessRuleException("complaint.rule.assign.accused");
        }
        boolean superior = users.reportsOf(target.username()).stream()
                .anyMatch(u -> u.username().equals(c.accusedEmployee()));
        if (!superior && !target.roles().contains(Role.SERVICE_AGENT)) {
            throw new BusinessRuleException("complaint.rule.assign.conductRouting");
        }
    }

    /** 首次响应: the assignee answers the customer for the first time. */
    @Transactional
    public Details respond(long id, Long version, String message) {
        return work(id, version, ComplaintAction.RESPOND, "message", message, 2000, (c, to, now, text) ->
                store.update(c, "status = ?, first_response_at = ?", to.name(), Timestamp.from(now)));
    }

    /** 暂停计时: only while waiting on the customer, with the reason; the due times stop. */
    @Transactional
    public Details pause(long id, Long version, String reason) {
        return work(id, version, ComplaintAction.PAUSE, "reason", reason, 500, (c, to, now, text) ->
                store.update(c, "status = ?, paused_at = ?, pause_reason = ?", to.name(), Timestamp.from(now), text));
    }

    /** 恢复计时: both due times move by the paused span. */
    @Transactional
    public Details resume(long id, Long version) {
        return work(id, version, ComplaintAction.RESUME, null, null, 0, (c, to, now, text) -> {
            Deadlines moved = c.deadlines().resumedAfter(c.pausedAt(), now);
            long seconds = Duration.between(c.pausedAt(), now).toSeconds();
            store.update(c, "status = ?, paused_at = null, pause_reason = null, paused_seconds = paused_seconds + ?,"
                            + " due_first_response_at = ?, due_resolution_at = ?", to.name(), seconds,
                    Timestamp.from(moved.firstResponse()), Timestamp.from(moved.resolution()));
        });
    }

    /** 办结: the written reply (书面反馈) to the customer, and optionally the cause found (for the analysis). */
    @Transactional
    public Details resolve(long id, Long version, String reply, String cause) {
        List<FieldProblem> problems = new ArrayList<>();
        String why = text("cause", cause, 100, false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return work(id, version, ComplaintAction.RESOLVE, "reply", reply, 4000, (c, to, now, text) ->
                store.update(c, "status = ?, resolved_at = ?, reply = ?, cause = coalesce(?, cause)", to.name(),
                        Timestamp.from(now), text, why));
    }

    private interface Step {
        void apply(Complaint c, ComplaintStatus to, Instant now, String text);
    }

    /** An action of the assignee (or their superior): role, rule, change, timeline, notice — in that order. */
    private Details work(long id, Long version, ComplaintAction action, String field, String value, int max, Step step) {
        CurrentUser me = CurrentUsers.require();
        Complaint c = load(id, version, me);
        String text = null;
        if (field != null) {
            text = requiredText(field, value, max);
        }
        if (c.assignee() != null && !access.mayWork(me, c)) {
            throw new ForbiddenException("complaint.error.notAssignee", c.number());
        }
        ComplaintStatus to = Lifecycle.next(action, c.status(), null);
        Instant now = now();
        step.apply(c, to, now, text);
        long event = store.addEvent(id, now, me.username(), action, c.status(), to, text);
        tell(c, event, action, me, text);
        return details(store.find(id).orElseThrow(), me);
    }

    /**
     * 回访: one level's callback with the customer's satisfaction. An unsatisfied one reopens the complaint (a new
     * round: its next resolution needs fresh callbacks); a satisfied one makes it CALLED_BACK.
     */
    @Transactional
    public Details callback(long id, Long version, String satisfaction, String note, String level) {
        CurrentUser me = CurrentUsers.require();
        List<FieldProblem> problems = new ArrayList<>();
        Satisfaction result = enumValue(Satisfaction.class, "satisfaction", satisfaction, problems);
        CallbackLevel lvl = level == null || level.isBlank() ? CallbackLevel.CALL_CENTRE
                : enumValue(CallbackLevel.class, "level", level, problems);
        String text = text("note", note, 2000, false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Complaint c = load(id, version, me);
        desk(me);
        ComplaintStatus to = Lifecycle.next(ComplaintAction.CALLBACK, c.status(), result);
        if (acceptedLevels(c).contains(lvl)) {
            throw new BusinessRuleException("complaint.rule.callback.levelDone",
                    new org.springframework.context.support.DefaultMessageSourceResolvable("complaint.level." + lvl));
        }
        Instant now = now();
        if (result.accepted()) {
            store.update(c, "status = ?", to.name());
        } else {
            store.update(c, "status = ?, resolved_at = null, callback_round = callback_round + 1,"
                    + " reopened_count = reopened_count + 1", to.name());
        }
        store.addCallback(id, c.callbackRound(), lvl, result, text, me.username(), now);
        String message = "[" + lvl.name() + "/" + result.name() + "]" + (text == null ? "" : " " + text);
        long event = store.addEvent(id, now, me.username(), ComplaintAction.CALLBACK, c.status(), to, message);
        tell(c, event, ComplaintAction.CALLBACK, me, message);
        if (!result.accepted() && c.assignee() != null) {
            notifications.tell(c.assignee(), "COMPLAINT", c.number() + "#" + event, "complaint.notice.reopened",
                    List.of(c.number()), link(c));
        }
        return details(store.find(id).orElseThrow(), me);
    }

    /** 结案: only after the callbacks the priority requires were satisfied or basically satisfied. */
    @Transactional
    public Details close(long id, Long version) {
        CurrentUser me = CurrentUsers.require();
        Complaint c = load(id, version, me);
        desk(me);
        ComplaintStatus to = Lifecycle.next(ComplaintAction.CLOSE, c.status(), null);
        List<CallbackLevel> missing = callbacks.missing(c.priority(), acceptedLevels(c));
        if (!missing.isEmpty()) {
            throw new BusinessRuleException("complaint.rule.close.levels", String.join("、", missing.stream()
                    .map(l -> messages.text("complaint.level." + l)).toList()));
        }
        Instant now = now();
        store.update(c, "status = ?, closed_at = ?", to.name(), Timestamp.from(now));
        long event = store.addEvent(id, now, me.username(), ComplaintAction.CLOSE, c.status(), to, null);
        tell(c, event, ComplaintAction.CLOSE, me, null);
        return details(store.find(id).orElseThrow(), me);
    }

    /** 关联重复投诉: marks this complaint as a repeat of an earlier one of the same customer. */
    @Transactional
    public Details link(long id, Long version, Long duplicateOf) {
        CurrentUser me = CurrentUsers.require();
        if (duplicateOf == null) {
            throw new InvalidInputException("duplicateOf", "{complaint.error.required}");
        }
        Complaint c = load(id, version, me);
        desk(me);
        Complaint other = store.find(duplicateOf).filter(d -> access.maySee(me, d))
                .orElseThrow(() -> new InvalidInputException("duplicateOf", "{complaint.error.notFound}"));
        if (other.id() == c.id()) {
            throw new InvalidInputException("duplicateOf", "{complaint.error.linkSelf}");
        }
        Instant now = now();
        store.update(c, "duplicate_of = ?", other.id());
        long event = store.addEvent(id, now, me.username(), ComplaintAction.LINK, null, null, other.number());
        tell(c, event, ComplaintAction.LINK, me, other.number());
        return details(store.find(id).orElseThrow(), me);
    }

    // ------------------------------------------------------------------ reading

    @Transactional(readOnly = true)
    public Details get(long id) {
        CurrentUser me = CurrentUsers.require();
        return details(visible(id, me), me);
    }

    @Transactional(readOnly = true)
    public PageResponse<Complaint> list(Filter filter, PageQuery page) {
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
            Timestamp now = Timestamp.from(now());
            String overdue = "(status in " + ComplaintStore.OPEN_STATUSES + " and ((first_response_at is null and "
                    + "due_first_response_at < coalesce(paused_at, ?)) or due_resolution_at < coalesce(paused_at, ?)))";
            where.append(filter.overdue() ? " and " : " and not ").append(overdue);
            args.add(now);
            args.add(now);
        }
        long total = store.count("select count(*) from complaint" + where, args.toArray());
        String order = switch (page.sortField() == null ? "receivedAt" : page.sortField()) {
            case "number" -> "number";
            case "dueResolutionAt" -> "due_resolution_at";
            default -> "received_at";
        };
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<Complaint> items = store.query("select * from complaint" + where + " order by " + order
                + (page.ascending() ? " asc" : " desc") + ", id desc limit ? offset ?", pageArgs.toArray());
        return new PageResponse<>(items, total, page.page(), page.size());
    }

    /** Customers for the intake form's look-up: by phone, name, pinyin initials or code, within the caller's scope. */
    @Transactional(readOnly = true)
    public List<CustomerSummary> lookupCustomers(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return archive.search(new CustomerQuery(q.trim(), null, null, null, null, null, null, Map.of()),
                PageQuery.of(0, 10, null, Set.of("customerCode"), "customerCode,asc")).items();
    }

    /** Possible duplicates of a complaint that is about to be taken in (for the intake form, before saving). */
    @Transactional(readOnly = true)
    public List<Complaint> possibleDuplicates(String customerCode, Category category, Instant receivedAt) {
        if (customerCode == null || category == null) {
            return List.of();
        }
        CurrentUser me = CurrentUsers.require();
        Instant at = receivedAt == null ? now() : receivedAt;
        return store.sameCustomerAndCategory(customerCode, category, at.minus(properties.duplicateWindow()),
                at.plus(properties.duplicateWindow()), null).stream().filter(c -> access.maySee(me, c)).toList();
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
        if (allowed.contains(ComplaintAction.CLOSE) && !callbacks.missing(c.priority(), acceptedLevels(c)).isEmpty()) {
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

    // ------------------------------------------------------------------ helpers

    private Details details(Complaint c, CurrentUser me) {
        List<Complaint> duplicates = c.customerCode() == null ? List.of()
                : store.sameCustomerAndCategory(c.customerCode(), c.category(),
                        c.receivedAt().minus(properties.duplicateWindow()),
                        c.receivedAt().plus(properties.duplicateWindow()), c.id()).stream()
                .filter(d -> access.maySee(me, d)).toList();
        return new Details(c, store.events(c.id()), store.callbacks(c.id()), duplicates, allowedActions(c, me),
                c.status() == ComplaintStatus.RESOLVED || c.status() == ComplaintStatus.CALLED_BACK
                        ? callbacks.missing(c.priority(), acceptedLevels(c)) : List.of());
    }

    private Set<CallbackLevel> acceptedLevels(Complaint c) {
        Set<CallbackLevel> levels = EnumSet.noneOf(CallbackLevel.class);
        store.callbacks(c.id()).stream().filter(b -> b.round() == c.callbackRound() && b.satisfaction().accepted())
                .forEach(b -> levels.add(b.level()));
        return levels;
    }

    private Complaint visible(long id, CurrentUser me) {
        return store.find(id).filter(c -> access.maySee(me, c))
                .orElseThrow(() -> new NotFoundException("complaint.error.notFound", id));
    }

    /** The complaint for an action: visible to the caller, and the version they saw when they sent one (409). */
    private Complaint load(long id, Long version, CurrentUser me) {
        Complaint c = visible(id, me);
        if (version != null && version != c.version()) {
            throw new ConflictException("version", "complaint.error.stale", c.number());
        }
        return c;
    }

    private void desk(CurrentUser me) {
        if (!access.atDesk(me)) {
            throw new ForbiddenException("complaint.error.deskOnly");
        }
    }

    /** Tells the first-contact owner of a step someone else took (they stay responsible to the end). */
    private void tell(Complaint c, long event, ComplaintAction action, CurrentUser actor, String message) {
        if (!c.firstContactOwner().equals(actor.username())) {
            notifications.tell(c.firstContactOwner(), "COMPLAINT", c.number() + "#" + event,
                    "complaint.notice." + action.name(), List.of(c.number(), actor.displayName(),
                            message == null ? "" : abbreviate(message)), link(c));
        }
    }

    /** Now, to the microsecond PostgreSQL keeps, so that what is returned equals what is read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    static String link(Complaint c) {
        return "/complaints/" + c.id();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    private Instant receivedAt(String value, Instant now, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem("receivedAt", "{complaint.error.required}"));
            return null;
        }
        Instant at;
        try {
            String text = value.trim();
            at = text.length() <= 19 ? LocalDateTime.parse(text).atZone(zone).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("receivedAt", "{complaint.error.receivedAt.format}"));
            return null;
        }
        // people and scripts name the second, never less; due times then read back exactly as returned
        at = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (at.isAfter(now)) {
            problems.add(new FieldProblem("receivedAt", "{complaint.error.receivedAt.future}"));
        } else if (at.isBefore(now.minus(properties.maxReceivedAge()))) {
            problems.add(new FieldProblem("receivedAt", "{complaint.error.receivedAt.tooOld}"));
        }
        return at;
    }

    /** An enum value as sent (any case); a missing or unknown one is a problem named by its field (400). */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "{complaint.error.required}"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "{complaint.error.enum}"));
            return null;
        }
    }

    private static String requiredText(String field, String value, int max) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = text(field, value, max, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return text;
    }

    private static String text(String field, String value, int max, boolean required, List<FieldProblem> problems) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, "{complaint.error.required}"));
            }
            return null;
        }
        if (v.length() > max) {
            problems.add(new FieldProblem(field, "{complaint.error.tooLong}"));
        }
        return v;
    }
}
