package com.tobacco.retailcrm.complaint.service;

import static com.tobacco.retailcrm.complaint.service.ComplaintInput.enumValue;
import static com.tobacco.retailcrm.complaint.service.ComplaintInput.failOn;
import static com.tobacco.retailcrm.complaint.service.ComplaintInput.requiredText;
import static com.tobacco.retailcrm.complaint.service.ComplaintInput.text;

import com.tobacco.retailcrm.complaint.domain.CallbackLevel;
import com.tobacco.retailcrm.complaint.domain.Complaint;
import com.tobacco.retailcrm.complaint.domain.ComplaintAction;
import com.tobacco.retailcrm.complaint.domain.ComplaintLimits;
import com.tobacco.retailcrm.complaint.domain.ComplaintStatus;
import com.tobacco.retailcrm.complaint.domain.Lifecycle;
import com.tobacco.retailcrm.complaint.domain.Satisfaction;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.workflow.api.Notifications;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 投诉处理 — the actions that move a complaint through its {@link Lifecycle}, by the people allowed to take them. Each
 * goes through {@link #transition}: the status machine decides the next status, the step's own rules are checked, the
 * change is saved against the version read, written on the timeline and told to the first-contact owner (首问负责人).
 */
@Service
public class ComplaintActions {

    private final ComplaintStore store;
    private final ComplaintAccess access;
    private final ComplaintListing listing;
    private final UserDirectory users;
    private final Notifications notifications;
    private final Messages messages;
    private final Clock clock;

    ComplaintActions(ComplaintStore store, ComplaintAccess access, ComplaintListing listing, UserDirectory users,
                     Notifications notifications, Messages messages, Clock clock) {
        this.store = store;
        this.access = access;
        this.listing = listing;
        this.users = users;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
    }

    /** A step's change of the complaint once the status machine allowed it; it may still refuse by its own rule. */
    private interface Step {
        Done apply(ComplaintStatus to, Instant now);
    }

    /** The complaint as changed by a step, and what the timeline says of it. */
    private record Done(Complaint changed, String message) {
    }

    /** 分派 / 转办: to a person; a second assignment is a transfer and says from whom to whom. */
    @Transactional
    public ComplaintDetails assign(long id, Long version, String assignee, String note) {
        CurrentUser me = CurrentUsers.require();
        Complaint c = listing.load(id, version, me);
        desk(me);
        String who = requiredText("assignee", assignee, ComplaintLimits.USERNAME);
        UserRef target = users.find(who).filter(UserRef::enabled)
                .orElseThrow(() -> new InvalidInputException("assignee", "{complaint.error.userUnknown}"));
        long event = transition(c, me, ComplaintAction.ASSIGN, null, (to, now) -> {
            if (c.accusedEmployee() != null) {
                staffConductRouting(c, target);
            }
            if (target.username().equals(c.assignee())) {
                throw new BusinessRuleException("complaint.rule.assign.same", target.displayName());
            }
            String message = c.assignee() == null ? target.displayName()
                    : listing.displayName(c.assignee()) + " → " + target.displayName();
            if (note != null && !note.isBlank()) {
                message += "：" + note.trim();
            }
            return new Done(c.assignedTo(to, target.username(), target.orgUnitId()), message);
        });
        notifications.tell(target.username(), "COMPLAINT", c.number() + "#" + event, "complaint.notice.assigned",
                List.of(c.number()), link(c));
        return listing.details(id, me);
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
    public ComplaintDetails respond(long id, Long version, String message) {
        return work(id, version, ComplaintAction.RESPOND, "message", message, ComplaintLimits.RESPONSE,
                (c, text) -> (to, now) -> new Done(c.responded(to, now), text));
    }

    /** 暂停计时: only while waiting on the customer, with the reason; the due times stop. */
    @Transactional
    public ComplaintDetails pause(long id, Long version, String reason) {
        return work(id, version, ComplaintAction.PAUSE, "reason", reason, ComplaintLimits.PAUSE_REASON,
                (c, text) -> (to, now) -> new Done(c.paused(to, now, text), text));
    }

    /** 恢复计时: both due times move by the paused span. */
    @Transactional
    public ComplaintDetails resume(long id, Long version) {
        return work(id, version, ComplaintAction.RESUME, null, null, 0,
                (c, text) -> (to, now) -> new Done(c.resumed(to, now), null));
    }

    /** 办结: the written reply (书面反馈) to the customer, and optionally the cause found (for the analysis). */
    @Transactional
    public ComplaintDetails resolve(long id, Long version, String reply, String cause) {
        List<FieldProblem> problems = new ArrayList<>();
        String why = text("cause", cause, ComplaintLimits.CAUSE, false, problems);
        failOn(problems);
        return work(id, version, ComplaintAction.RESOLVE, "reply", reply, ComplaintLimits.REPLY,
                (c, text) -> (to, now) -> new Done(c.resolved(to, now, text, why), text));
    }

    /** The step of an assignee's action, given the complaint and the text they wrote. */
    private interface WorkStep {
        Step of(Complaint c, String text);
    }

    /** An action of the assignee (or their superior): text, role, then the transition. */
    private ComplaintDetails work(long id, Long version, ComplaintAction action, String field, String value, int max,
                                  WorkStep step) {
        CurrentUser me = CurrentUsers.require();
        Complaint c = listing.load(id, version, me);
        String text = field == null ? null : requiredText(field, value, max);
        if (c.assignee() != null && !access.mayWork(me, c)) {
            throw new ForbiddenException("complaint.error.notAssignee", c.number());
        }
        transition(c, me, action, null, step.of(c, text));
        return listing.details(id, me);
    }

    /**
     * 回访: one level's callback with the customer's satisfaction. An unsatisfied one reopens the complaint (a new
     * round: its next resolution needs fresh callbacks); a satisfied one makes it CALLED_BACK.
     */
    @Transactional
    public ComplaintDetails callback(long id, Long version, String satisfaction, String note, String level) {
        CurrentUser me = CurrentUsers.require();
        List<FieldProblem> problems = new ArrayList<>();
        Satisfaction result = enumValue(Satisfaction.class, "satisfaction", satisfaction, problems);
        CallbackLevel lvl = level == null || level.isBlank() ? CallbackLevel.CALL_CENTRE
                : enumValue(CallbackLevel.class, "level", level, problems);
        String text = text("note", note, ComplaintLimits.CALLBACK_NOTE, false, problems);
        failOn(problems);
        Complaint c = listing.load(id, version, me);
        desk(me);
        long event = transition(c, me, ComplaintAction.CALLBACK, result, (to, now) -> {
            if (listing.acceptedLevels(c).contains(lvl)) {
                throw new BusinessRuleException("complaint.rule.callback.levelDone",
                        new DefaultMessageSourceResolvable("complaint.level." + lvl));
            }
            store.addCallback(id, c.callbackRound(), lvl, result, text, me.username(), now);
            String message = "[" + lvl.name() + "/" + result.name() + "]" + (text == null ? "" : " " + text);
            return new Done(result.accepted() ? c.calledBack(to) : c.reopened(to), message);
        });
        if (!result.accepted() && c.assignee() != null) {
            notifications.tell(c.assignee(), "COMPLAINT", c.number() + "#" + event, "complaint.notice.reopened",
                    List.of(c.number()), link(c));
        }
        return listing.details(id, me);
    }

    /** 结案: only after the callbacks the priority requires were satisfied or basically satisfied. */
    @Transactional
    public ComplaintDetails close(long id, Long version) {
        CurrentUser me = CurrentUsers.require();
        Complaint c = listing.load(id, version, me);
        desk(me);
        transition(c, me, ComplaintAction.CLOSE, null, (to, now) -> {
            List<CallbackLevel> missing = listing.missingCallbacks(c);
            if (!missing.isEmpty()) {
                throw new BusinessRuleException("complaint.rule.close.levels", String.join("、", missing.stream()
                        .map(l -> messages.text("complaint.level." + l)).toList()));
            }
            return new Done(c.closed(to, now), null);
        });
        return listing.details(id, me);
    }

    /** 关联重复投诉: marks this complaint as a repeat of an earlier one of the same customer; the status stays. */
    @Transactional
    public ComplaintDetails link(long id, Long version, Long duplicateOf) {
        CurrentUser me = CurrentUsers.require();
        if (duplicateOf == null) {
            throw new InvalidInputException("duplicateOf", "{complaint.error.required}");
        }
        Complaint c = listing.load(id, version, me);
        desk(me);
        Complaint other = store.find(duplicateOf).filter(d -> access.maySee(me, d))
                .orElseThrow(() -> new InvalidInputException("duplicateOf", "{complaint.error.notFound}"));
        if (other.id() == c.id()) {
            throw new InvalidInputException("duplicateOf", "{complaint.error.linkSelf}");
        }
        record(c, me, ComplaintAction.LINK, null, now(clock), new Done(c.linkedTo(other.id()), other.number()));
        return listing.details(id, me);
    }

    /**
     * The one place a {@link Lifecycle} transition is applied: the next status (or the rule refusing it), the step's
     * change, then the save and the timeline. Returns the timeline entry's id.
     */
    private long transition(Complaint c, CurrentUser me, ComplaintAction action, Satisfaction satisfaction, Step step) {
        ComplaintStatus to = Lifecycle.next(action, c.status(), satisfaction);
        Instant now = now(clock);
        return record(c, me, action, to, now, step.apply(to, now));
    }

    /** Saves the change against the version read (409 when stale), writes the timeline and tells the owner. */
    private long record(Complaint c, CurrentUser me, ComplaintAction action, ComplaintStatus to, Instant now, Done done) {
        store.save(c, done.changed());
        long event = store.addEvent(c.id(), now, me.username(), action, to == null ? null : c.status(), to,
                done.message());
        tell(c, event, action, me, done.message());
        return event;
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
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static String link(Complaint c) {
        return "/complaints/" + c.id();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
