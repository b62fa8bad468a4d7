package com.tobacco.retailcrm.service.notice;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 信息互通服务 — publishes a notice (now, or at {@code publishAt} by {@link NoticeJob}) to the ACTIVE customers of its
 * audience, recorded per customer as they were then; lists what a customer was sent; records reading receipts from the
 * retailer channel. Delivery itself is {@link NoticeDelivery}'s, from the outbox rows written here in the same
 * transaction, so a notice is never recorded without its delivery nor delivered without being recorded.
 */
@Service
class NoticeService {

    private final NoticeStore store;
    private final NoticeAudiences audiences;
    private final NoticeProperties properties;
    private final CustomerArchive archive;
    private final UserDirectory users;
    private final AuditLog audit;
    private final Clock clock;

    NoticeService(NoticeStore store, NoticeAudiences audiences, NoticeProperties properties, CustomerArchive archive,
                  UserDirectory users, AuditLog audit, Clock clock) {
        this.store = store;
        this.audiences = audiences;
        this.properties = properties;
        this.archive = archive;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    record PublishCommand(String kind, String title, String body, Notice.Audience audience, String publishAt) {
    }

    /** Publishes (or schedules) a notice; 400 naming every bad field and 422 naming an unknown code, nothing saved. */
    @Transactional
    public Notice publish(PublishCommand c) {
        List<FieldProblem> problems = new ArrayList<>();
        Notice.Kind kind = kind(c.kind(), problems);
        String title = text(c.title(), "title", Notice.TITLE_MAX, problems);
        String body = text(c.body(), "body", Notice.BODY_MAX, problems);
        if (c.audience() == null) {
            problems.add(new FieldProblem("audience", "{notice.error.audience}"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant publishAt = publishAt(c.publishAt(), now, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        NoticeStore.Filter filter = audiences.filter(c.audience());
        Notice draft = new Notice(0, kind, title, body, c.audience(), publishAt, Notice.Status.SCHEDULED, null, 0,
                CurrentUsers.require().username(), now, 0);
        long id = store.insert(draft);
        if (publishAt.isAfter(now)) {
            audit.record(AuditEntry.of("NOTICE_SCHEDULED", "NOTICE", String.valueOf(id))
                    .detail(kind + " at " + publishAt + " " + store.count(filter) + " customers now"));
        } else {
            send(id, filter, now);
        }
        return get(id);
    }

    /** How many ACTIVE customers the audience holds now (the compose form's live count). */
    @Transactional(readOnly = true)
    public long count(Notice.Audience audience) {
        return store.count(audiences.filter(audience));
    }

    /** Publishes the scheduled notices whose time has come; each once, whichever instance gets there first. */
    @Transactional
    public int publishDue(Instant now) {
        List<Long> due = store.lockDueScheduled(now, 50);
        due.forEach(id -> send(id, audiences.filter(store.find(id).orElseThrow().audience()), now));
        return due.size();
    }

    private void send(long id, NoticeStore.Filter filter, Instant now) {
        boolean target = properties.getWebhookUrl() != null;
        int recipients = store.publish(id, filter, properties.getBatchSize(), target, now);
        var entry = AuditEntry.of("NOTICE_PUBLISHED", "NOTICE", String.valueOf(id))
                .detail(recipients + " customers" + (target ? "" : ", no webhook configured: not delivered"));
        audit.record(CurrentUsers.current().isPresent() ? entry : entry.as("system"));
    }

    @Transactional(readOnly = true)
    public Notice get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("notice.error.notFound", id));
    }

    @Transactional(readOnly = true)
    public List<Notice> list(Notice.Kind kind) {
        return store.list(kind, 500);
    }

    /** What a customer in the caller's scope was sent (404 outside it, as for the customer itself). */
    @Transactional(readOnly = true)
    public List<Notice> sentTo(String customerCode, Notice.Kind kind) {
        if (archive.find(customerCode).isEmpty()) {
            throw new NotFoundException("notice.error.customerNotFound", customerCode);
        }
        return store.sentTo(customerCode, kind);
    }

    /** The recipients the caller may see: every one for the company-wide roles, their own customers otherwise. */
    @Transactional(readOnly = true)
    public List<NoticeStore.Recipient> recipients(long id, int limit) {
        get(id);
        return store.recipients(id, scope(), null, limit);
    }

    /** The customer's line of a notice (its reading), when it was sent to it. */
    @Transactional(readOnly = true)
    public java.util.Optional<NoticeStore.Recipient> recipient(long id, String customerCode) {
        return store.recipients(id, DataScope.company(), customerCode, 1).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<Object[]> deliveryCounts(long id) {
        get(id);
        return store.deliveryCounts(id);
    }

    @Transactional(readOnly = true)
    public List<NoticeStore.Delivery> deliveries(long id) {
        get(id);
        return store.deliveries(id);
    }

    /**
     * 阅读回执 from the retailer channel: the first reading is kept, a repeated receipt changes nothing (idempotent).
     * 404 for a notice not published or a customer it was not sent to; 400 for a time in the future or before it
     * was published.
     */
    @Transactional
    public NoticeStore.Recipient receipt(long id, String customerCode, String readAt) {
        Notice n = get(id);
        if (!n.sent()) {
            throw new NotFoundException("notice.error.notFound", id);
        }
        if (customerCode == null || customerCode.isBlank()) {
            throw new InvalidInputException("customerCode", "{notice.error.required}");
        }
        String code = customerCode.trim();
        Instant now = clock.instant();
        Instant at;
        try {
            at = readAt == null || readAt.isBlank() ? now : OffsetDateTime.parse(readAt.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("readAt", "{notice.error.instant}");
        }
        if (at.isAfter(now.plusSeconds(60)) || at.isBefore(n.publishedAt())) {
            throw new InvalidInputException("readAt", "{notice.error.readAt}");
        }
        recipient(id, code).orElseThrow(() -> new NotFoundException("notice.error.notSentTo", code));
        if (store.read(id, code, at, now)) {
            audit.record(AuditEntry.customer("NOTICE_READ", code).detail("notice " + id));
        }
        return recipient(id, code).orElseThrow();
    }

    private DataScope scope() {
        return users.scopeOf(CurrentUsers.require());
    }

    private static Notice.Kind kind(String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem("kind", "{notice.error.required}"));
            return null;
        }
        var kind = Notice.Kind.parse(text);
        if (kind.isEmpty()) {
            problems.add(new FieldProblem("kind", "{notice.error.kind}"));
        }
        return kind.orElse(null);
    }

    private static String text(String value, String field, int max, List<FieldProblem> problems) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            problems.add(new FieldProblem(field, "{notice.error.required}"));
        } else if (v.codePointCount(0, v.length()) > max) {
            problems.add(new FieldProblem(field, "{notice.error." + field + "Length}"));
        }
        return v;
    }

    /** Empty or a time already past = at once; a later time schedules it. */
    private static Instant publishAt(String text, Instant now, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return now;
        }
        try {
            Instant at = OffsetDateTime.parse(text.trim()).toInstant().truncatedTo(ChronoUnit.SECONDS);
            return at.isBefore(now) ? now : at;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("publishAt", "{notice.error.instant}"));
            return now;
        }
    }
}
