package com.tobacco.retailcrm.rating.integrity;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.calendar.api.WorkingCalendar;
import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.rating.CustomerRows;
import com.tobacco.retailcrm.rating.Input;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.workflow.api.Notifications;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 诚信等级评定服务 — runs the rating procedure of {@link IntegrityRating} for customers within the caller's data scope,
 * one at a time or as a batch published under one notice, and writes the final grade to the archive's
 * {@code integrityGrade} with history source {@code RATING:<id>}. Every step locks the rating row and, when the client
 * sends the version it read, refuses a stale one (409).
 */
@Service
public class RatingService {

    private final RatingStore store;
    private final CustomerArchive archive;
    private final OrgDirectory org;
    private final UserDirectory users;
    private final WorkingCalendar calendar;
    private final InspectionProperties inspection;
    private final Notifications notifications;
    private final Messages messages;
    private final Clock clock;
    private final AuditLog audit;

    RatingService(RatingStore store, CustomerArchive archive, OrgDirectory org, UserDirectory users,
                  WorkingCalendar calendar, InspectionProperties inspection, Notifications notifications,
                  Messages messages, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.archive = archive;
        this.org = org;
        this.users = users;
        this.calendar = calendar;
        this.inspection = inspection;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
    }

    /** A preliminary rating as proposed. */
    public record Proposal(String customerCode, String proposedGrade, String basis) {
    }

    /** What a batch did: the ratings created (PRELIMINARY) and the items refused, by their index in the list. */
    public record BatchResult(Long batchId, List<IntegrityRating> created, List<ItemError> errors) {
    }

    public record ItemError(int index, String field, String message) {
    }

    /** What publishing a batch did: how many of its preliminary ratings went into the one notice. */
    public record BatchNotice(long batchId, int published, Instant noticeStart, Instant noticeEndsAt) {
    }

    /** 初评: a preliminary rating of a customer with no rating in progress. */
    @Transactional
    public IntegrityRating propose(Proposal p) {
        List<FieldProblem> problems = new ArrayList<>();
        Checked checked = check(p, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CustomerRecord customer = archive.find(checked.code())
                .orElseThrow(() -> new NotFoundException("customer.error.notFound", checked.code()));
        refuseCancelled(customer);
        if (!store.withOpenRating(List.of(checked.code())).isEmpty()) {
            throw new BusinessRuleException("rating.error.inProgress", checked.code());
        }
        IntegrityRating created = store.find(insert(customer, checked, null), false).orElseThrow();
        step("RATING_PROPOSED", created, "grade=" + created.proposedGrade());
        return created;
    }

    /**
     * 批量初评: every valid item becomes a preliminary rating of one new batch; an invalid item (unknown or
     * out-of-scope customer, cancelled customer, rating in progress, repeated customer, bad grade or basis) is
     * reported by its index and creates nothing.
     */
    @Transactional
    public BatchResult proposeBatch(List<Proposal> items) {
        if (items == null || items.isEmpty()) {
            throw new InvalidInputException("items", "{rating.error.batch.empty}");
        }
        if (items.size() > 1000) {
            throw new InvalidInputException("items", messages.text("rating.error.batch.tooMany", 1000));
        }
        List<ItemError> errors = new ArrayList<>();
        List<Map.Entry<CustomerRecord, Checked>> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            List<FieldProblem> problems = new ArrayList<>();
            Proposal p = items.get(i) == null ? new Proposal(null, null, null) : items.get(i);
            Checked c = check(p, problems);
            if (!problems.isEmpty()) {
                for (FieldProblem fp : problems) {
                    errors.add(new ItemError(i, fp.field(), messages.text(fp.message())));
                }
                continue;
            }
            Optional<CustomerRecord> customer = archive.find(c.code());
            if (customer.isEmpty()) {
                errors.add(new ItemError(i, "customerCode", messages.text("customer.error.notFound", c.code())));
            } else if ("CANCELLED".equals(customer.get().get("status"))) {
                errors.add(new ItemError(i, "customerCode", messages.text("rating.error.cancelled", c.code())));
            } else if (!seen.add(c.code())) {
                errors.add(new ItemError(i, "customerCode", messages.text("rating.error.batch.repeated", c.code())));
            } else {
                valid.add(Map.entry(customer.get(), c));
            }
        }
        Set<String> inProgress = new HashSet<>(store.withOpenRating(valid.stream().map(e -> e.getValue().code())
                .toList()));
        if (!inProgress.isEmpty()) {
            for (int i = 0; i < items.size(); i++) {
                Proposal p = items.get(i);
                if (p != null && p.customerCode() != null && inProgress.contains(p.customerCode().strip())) {
                    errors.add(new ItemError(i, "customerCode", messages.text("rating.error.inProgress",
                            p.customerCode().strip())));
                }
            }
            valid.removeIf(e -> inProgress.contains(e.getValue().code()));
        }
        errors.sort(java.util.Comparator.comparingInt(ItemError::index));
        if (valid.isEmpty()) {
            return new BatchResult(null, List.of(), errors);
        }
        long batch = store.newBatch(CurrentUsers.require().username(), now());
        List<IntegrityRating> created = valid.stream()
                .map(e -> store.find(insert(e.getKey(), e.getValue(), batch), false).orElseThrow()).toList();
        audit.record(AuditEntry.of("RATING_BATCH_PROPOSED", "RATING_BATCH", String.valueOf(batch))
                .detail("ratings=" + created.size() + " refused=" + errors.size()));
        return new BatchResult(batch, created, errors);
    }

    /** 公示: publishes a preliminary rating with a notice starting at {@code noticeStart}. */
    @Transactional
    public IntegrityRating publish(long id, String noticeStart, Long version) {
        NoticePeriod notice = notice(noticeStart);
        IntegrityRating r = visible(id, true, version);
        save(r.publish(notice, CurrentUsers.require().username()));
        step("RATING_PUBLISHED", r, "noticeStart=" + notice.start());
        tellManager(r, "rating.notice.published", List.of(r.storeName() == null ? r.customerCode() : r.storeName(),
                r.grade().name()));
        return load(id);
    }

    /** Publishes every preliminary rating of a batch (within the caller's scope) under one and the same notice. */
    @Transactional
    public BatchNotice publishBatch(long batchId, String noticeStart) {
        NoticePeriod notice = notice(noticeStart);
        if (!store.batchExists(batchId)) {
            throw new NotFoundException("rating.error.batch.notFound", batchId);
        }
        String me = CurrentUsers.require().username();
        int published = 0;
        for (long id : store.preliminaryOfBatch(batchId)) {
            Optional<IntegrityRating> r = store.find(id, true).filter(this::inScope);
            if (r.isPresent()) {
                save(r.get().publish(notice, me));
                published++;
            }
        }
        if (published == 0) {
            throw new BusinessRuleException("rating.error.batch.nothingToPublish", batchId);
        }
        audit.record(AuditEntry.of("RATING_BATCH_PUBLISHED", "RATING_BATCH", String.valueOf(batchId))
                .detail("published=" + published + " noticeStart=" + notice.start()));
        return new BatchNotice(batchId, published, notice.start(), notice.endsAt());
    }

    /**
     * 申诉: filed during the notice on the retailer's behalf by their customer manager (who visits the shop) or by a
     * service agent (who takes the retailer's call); their data scope must hold the customer.
     */
    @Transactional
    public IntegrityRating appeal(long id, String reason, Long version) {
        List<FieldProblem> problems = new ArrayList<>();
        String why = Input.text("reason", reason, 2000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        IntegrityRating r = visible(id, true, version);
        Instant now = now();
        r.checkAppealAllowed(now);
        store.addAppeal(id, why, CurrentUsers.require().username(), now);
        step("RATING_APPEALED", r, null);
        store.touch(id);
        return load(id);
    }

    /** Answers an appeal: UPHELD with the new grade the rating then stands at, or REJECTED. */
    @Transactional
    public IntegrityRating answer(long id, long appealId, String decision, String note, String newGrade, Long version) {
        List<FieldProblem> problems = new ArrayList<>();
        AppealDecision d = Input.code("decision", decision, AppealDecision.class, true, problems);
        Grade g = Input.code("newGrade", newGrade, Grade.class, false, problems);
        String text = Input.text("note", note, 2000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        IntegrityRating r = visible(id, true, version);
        Appeal appeal = r.appeals().stream().filter(a -> a.id() == appealId).findFirst()
                .orElseThrow(() -> new NotFoundException("rating.error.appeal.notFound", appealId));
        Grade after = r.answer(appeal, d, g);
        store.answerAppeal(appealId, d, text, d == AppealDecision.UPHELD ? g : null, CurrentUsers.require().username(),
                now());
        save(new IntegrityRating(r.id(), r.customerCode(), r.storeName(), r.countyId(), r.customerManager(),
                r.batchId(), r.proposedGrade(), after, r.basis(), r.state(), r.createdBy(), r.createdAt(),
                r.noticeStart(), r.noticeEndsAt(), r.publishedBy(), r.finalizedBy(), r.finalizedAt(), r.version(),
                r.appeals()));
        step("RATING_APPEAL_ANSWERED", r, "appeal=" + appealId + " decision=" + d + " grade=" + after);
        return load(id);
    }

    /** 审定: FINAL, and the grade written to the archive's {@code integrityGrade} (history {@code RATING:<id>}). */
    @Transactional
    public IntegrityRating finalizeRating(long id, Long version) {
        IntegrityRating r = visible(id, true, version);
        IntegrityRating done = r.finalize(now(), CurrentUsers.require().username());
        save(done);
        step("RATING_FINALIZED", r, "grade=" + done.grade());
        archive.applyChanges(r.customerCode(), Map.of("integrityGrade", done.grade().name()), null,
                ChangeSource.of(ChangeSource.Kind.RATING, id), null);
        tellManager(r, "rating.notice.final", List.of(r.storeName() == null ? r.customerCode() : r.storeName(),
                done.grade().name()));
        return load(id);
    }

    /** A step of the rating procedure in the audit log, under the rating and its customer. */
    private void step(String action, IntegrityRating r, String detail) {
        audit.record(new AuditEntry(action, "INTEGRITY_RATING", String.valueOf(r.id()), r.customerCode(),
                com.tobacco.retailcrm.audit.api.AuditOutcome.SUCCESS, detail, null));
    }

    @Transactional(readOnly = true)
    public IntegrityRating get(long id) {
        return visible(id, false, null);
    }

    /** Ratings within the caller's data scope, by state, customer or batch; those in notice end soonest first. */
    @Transactional(readOnly = true)
    public PageResponse<IntegrityRating> list(String state, String customerCode, Long batchId, PageQuery page) {
        List<FieldProblem> problems = new ArrayList<>();
        RatingState s = Input.code("state", state, RatingState.class, false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CustomerRows rows = CustomerRows.of("r", customerCode, archive, users)
                .and("r.state = ?", s == null ? null : s.name())
                .and("r.batch_id = ?", batchId);
        String order = s == RatingState.NOTICE ? "r.notice_ends_at asc" : "r.created_at desc";
        long total = store.count(rows.where(), rows.args());
        return new PageResponse<>(store.list(rows.where(), rows.args(), order, page.offset(), page.size()), total,
                page.page(), page.size());
    }

    /** 分级监管: the customer's current grade from the archive and the inspection frequency configured for it. */
    @Transactional(readOnly = true)
    public Supervision supervision(String customerCode) {
        CustomerRecord c = archive.find(customerCode)
                .orElseThrow(() -> new NotFoundException("customer.error.notFound", customerCode));
        Object g = c.get("integrityGrade");
        Grade grade = g == null ? null : Grade.valueOf(g.toString());
        return new Supervision(customerCode, (String) c.get("storeName"), grade, inspection.of(grade),
                c.get("lawAbidingStatus") == null ? null : c.get("lawAbidingStatus").toString());
    }

    /** A customer's grade and how often it is inspected. */
    public record Supervision(String customerCode, String storeName, Grade integrityGrade,
                              InspectionFrequency inspectionFrequency, String lawAbidingStatus) {
    }

    InspectionFrequency frequencyOf(Grade grade) {
        return inspection.of(grade);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private NoticePeriod notice(String noticeStart) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant start = Input.instant("noticeStart", noticeStart, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return NoticePeriod.starting(start, clock.instant(), calendar);
    }

    private record Checked(String code, Grade grade, String basis) {
    }

    private static Checked check(Proposal p, List<FieldProblem> problems) {
        String code = Input.text("customerCode", p.customerCode(), 20, problems);
        Grade grade = Input.code("proposedGrade", p.proposedGrade(), Grade.class, true, problems);
        String basis = Input.text("basis", p.basis(), 2000, problems);
        return new Checked(code, grade, basis);
    }

    private long insert(CustomerRecord customer, Checked c, Long batch) {
        Long county = customer.countyCode() == null ? null
                : org.findByCode(customer.countyCode()).map(OrgUnitRef::id).orElse(null);
        CurrentUser me = CurrentUsers.require();
        return store.insert(new IntegrityRating(0, c.code(), (String) customer.get("storeName"), county,
                (String) customer.get("customerManager"), batch, c.grade(), c.grade(), c.basis(),
                RatingState.PRELIMINARY, me.username(), now(), null, null, null, null, null, 0, List.of()));
    }

    private void refuseCancelled(CustomerRecord customer) {
        if ("CANCELLED".equals(customer.get("status"))) {
            throw new BusinessRuleException("rating.error.cancelled", customer.customerCode());
        }
    }

    private IntegrityRating visible(long id, boolean lock, Long version) {
        IntegrityRating r = store.find(id, lock).filter(this::inScope)
                .orElseThrow(() -> new NotFoundException("rating.error.notFound", id));
        if (version != null && version != r.version()) {
            throw new ConflictException("version", "rating.error.stale");
        }
        return r;
    }

    private boolean inScope(IntegrityRating r) {
        return archive.find(r.customerCode()).isPresent();
    }

    private IntegrityRating load(long id) {
        return store.find(id, false).orElseThrow();
    }

    private void save(IntegrityRating r) {
        if (!store.save(r)) {
            throw new ConflictException("version", "rating.error.stale");
        }
    }

    private void tellManager(IntegrityRating r, String key, List<String> args) {
        if (r.customerManager() != null) {
            notifications.tell(r.customerManager(), "RATING", r.id() + "-" + key, key, args,
                    "/integrity-ratings/" + r.id());
        }
    }
}
