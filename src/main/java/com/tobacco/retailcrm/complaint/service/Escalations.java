package com.tobacco.retailcrm.complaint.service;

import com.tobacco.retailcrm.complaint.domain.Complaint;
import com.tobacco.retailcrm.complaint.domain.ComplaintAction;
import com.tobacco.retailcrm.complaint.domain.Priority;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.workflow.api.Notifications;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 超时升级 — a breached first-response or resolution limit goes up to the assignee's supervisor (the first-contact
 * owner's while nobody is assigned) and, for a MAJOR complaint, also to the department head: the top of that
 * supervisor chain (营销部负责人 / 部门负责人). Each breach is escalated once, written on the timeline as done by
 * {@code system}, whichever instance or run finds it first.
 */
@Component
class Escalations {

    static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    private final ComplaintStore store;
    private final ComplaintListing complaints;
    private final Notifications notifications;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Escalations(ComplaintStore store, ComplaintListing complaints, Notifications notifications,
                TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.complaints = complaints;
        this.notifications = notifications;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Escalates every breach found now; returns how many were escalated by this run. */
    int run() {
        Instant now = clock.instant();
        int escalated = 0;
        for (Complaint c : store.breached(now)) {
            if (c.firstResponseAt() == null && now.isAfter(c.dueFirstResponseAt()) && c.responseEscalatedAt() == null) {
                escalated += escalate(c, false, now) ? 1 : 0;
            }
            if (now.isAfter(c.dueResolutionAt()) && c.resolutionEscalatedAt() == null) {
                escalated += escalate(c, true, now) ? 1 : 0;
            }
        }
        if (escalated > 0) {
            log.info("Escalated {} complaint time-limit breach(es)", escalated);
        }
        return escalated;
    }

    private boolean escalate(Complaint c, boolean resolution, Instant now) {
        Boolean done = transactions.execute(tx -> {
            if (!store.markEscalated(c.id(), resolution, now)) {
                return false;
            }
            List<String> to = recipients(c);
            String what = resolution ? "RESOLUTION" : "FIRST_RESPONSE";
            long event = store.addEvent(c.id(), now, SYSTEM, ComplaintAction.ESCALATE, null, null,
                    what + " → " + String.join(", ", to));
            Set<String> told = new LinkedHashSet<>(to);
            told.add(c.firstContactOwner());
            if (c.assignee() != null) {
                told.add(c.assignee());
            }
            told.forEach(u -> notifications.tell(u, "COMPLAINT", c.number() + "#" + event,
                    "complaint.notice.escalated." + what, List.of(c.number()), ComplaintActions.link(c)));
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /** The supervisor of whoever holds the complaint, and for MAJOR the head at the top of their chain. */
    List<String> recipients(Complaint c) {
        String holder = c.assignee() != null ? c.assignee() : c.firstContactOwner();
        List<String> chain = complaints.superiorsOf(holder).stream().map(UserRef::username).toList();
        List<String> to = new ArrayList<>();
        if (!chain.isEmpty()) {
            to.add(chain.get(0));
            if (c.priority() == Priority.MAJOR && chain.size() > 1) {
                to.add(chain.get(chain.size() - 1));
            }
        }
        return to;
    }
}
