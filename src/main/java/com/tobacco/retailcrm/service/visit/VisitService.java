package com.tobacco.retailcrm.service.visit;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.audit.api.AuditOutcome;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerFacts;
import com.tobacco.retailcrm.customer.api.CustomerFields;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.customer.api.ImageFiles;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 拜访 — records visits made by a customer's manager (or a manager above them), with their photos, and lists them within
 * the caller's data scope. Every refusal names its rule; nothing is saved from a refused record.
 */
@Service
public class VisitService {

    private final VisitStore store;
    private final VisitAccess access;
    private final CustomerArchive archive;
    private final CustomerFields fields;
    private final ImageFiles images;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final Clock clock;

    VisitService(VisitStore store, VisitAccess access, CustomerArchive archive, CustomerFields fields,
                 ImageFiles images, AuditLog audit, JdbcTemplate jdbc, CrmProperties crm, Clock clock) {
        this.store = store;
        this.access = access;
        this.archive = archive;
        this.fields = fields;
        this.images = images;
        this.audit = audit;
        this.jdbc = jdbc;
        this.zone = crm.zone();
        this.clock = clock;
    }

    /** A visit as typed: values as sent, checked here so each mistake is named. */
    public record RecordCommand(String customerCode, String visitedAt, String purpose, String findings,
                                String salesAnomaly, List<String> checkedFields, List<String> wrongFields,
                                String nextActions) {
    }

    /** The list's filters; null means any. */
    public record Filter(String customerCode, String manager, LocalDate from, LocalDate to) {
    }

    // a refusal keeps its audit record; nothing else is written before the check
    @Transactional(noRollbackFor = ForbiddenException.class)
    public Visit record(RecordCommand c) {
        CurrentUser me = CurrentUsers.require();
        List<FieldProblem> problems = new ArrayList<>();
        String code = c.customerCode() == null ? "" : c.customerCode().strip();
        if (code.isEmpty()) {
            throw new InvalidInputException("customerCode", "{service.error.required}");
        }
        CustomerRecord customer = archive.find(code)
                .orElseThrow(() -> new NotFoundException("visit.error.customerNotFound", code));
        String manager = (String) customer.get("customerManager");
        if (!access.isSelfOrAbove(me, manager)) {
            audit.record(AuditEntry.customer("VISIT_RECORD", code).outcome(AuditOutcome.DENIED));
            throw new ForbiddenException("visit.error.notYourCustomer");
        }
        VisitPurpose purpose = purpose(c.purpose(), problems);
        Instant visitedAt = instant(c.visitedAt(), problems);
        Instant now = clock.instant();
        if (visitedAt != null) {
            VisitDateRules.check(visitedAt, now, customerSince(code), zone).ifPresent(problems::add);
        }
        String findings = text("findings", c.findings(), 2000, true, problems);
        String anomaly = text("salesAnomaly", c.salesAnomaly(), 1000, false, problems);
        String next = text("nextActions", c.nextActions(), 1000, false, problems);
        List<String> checked = fieldKeys("checkedFields", c.checkedFields(), problems);
        List<String> wrong = fieldKeys("wrongFields", c.wrongFields(), problems);
        if (!checked.containsAll(wrong)) {
            problems.add(new FieldProblem("wrongFields", "{visit.error.wrongNotChecked}"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = store.insert(customer.customerCode(), me.username(), visitedAt,
                visitedAt.atZone(zone).toLocalDate(), purpose, findings, anomaly, checked, wrong, next, now);
        audit.record(AuditEntry.customer("VISIT_RECORD", customer.customerCode()).detail("visit " + id + " " + purpose));
        return store.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Visit get(long id) {
        CurrentUser me = CurrentUsers.require();
        Visit visit = store.find(id).orElseThrow(() -> new NotFoundException("visit.error.notFound", id));
        Long county = store.countyOf(id).orElse(null);
        if (!access.inScope(me, visit.customerManager(), county) && !me.username().equals(visit.visitedBy())) {
            throw new NotFoundException("visit.error.notFound", id);
        }
        return visit;
    }

    @Transactional(readOnly = true)
    public PageResponse<Visit> list(Filter filter, PageQuery page) {
        CurrentUser me = CurrentUsers.require();
        DataScope.SqlPredicate scope = access.scope(me, "f.customer_manager", "f.county_org_unit_id");
        StringBuilder where = new StringBuilder("(" + scope.sql() + " or v.visited_by = ?)");
        List<Object> args = new ArrayList<>(scope.args());
        args.add(me.username());
        if (filter.customerCode() != null) {
            where.append(" and v.customer_code = ?");
            args.add(filter.customerCode());
        }
        if (filter.manager() != null) {
            where.append(" and v.visited_by = ?");
            args.add(filter.manager());
        }
        if (filter.from() != null) {
            where.append(" and v.visit_date >= ?");
            args.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" and v.visit_date <= ?");
            args.add(filter.to());
        }
        long total = store.count(where.toString(), args);
        return new PageResponse<>(store.page(where.toString(), args, page.offset(), page.size()), total, page.page(),
                page.size());
    }

    @Transactional(noRollbackFor = ForbiddenException.class)
    public VisitPhoto addPhoto(long visitId, byte[] content) {
        CurrentUser me = CurrentUsers.require();
        Visit visit = get(visitId);
        if (!me.username().equals(visit.visitedBy()) && !access.isSelfOrAbove(me, visit.customerManager())) {
            audit.record(AuditEntry.customer("VISIT_PHOTO_UPLOAD", visit.customerCode()).outcome(AuditOutcome.DENIED));
            throw new ForbiddenException("visit.error.notYourCustomer");
        }
        ImageFiles.StoredImage image = images.store(content);
        long id = store.insertPhoto(visitId, image.sha256(), image.contentType(), image.sizeBytes(), image.width(),
                image.height(), me.username(), clock.instant());
        audit.record(AuditEntry.customer("VISIT_PHOTO_UPLOAD", visit.customerCode())
                .detail("visit " + visitId + " " + image.sha256()));
        return store.photos(visitId).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<VisitPhoto> photos(long visitId) {
        return store.photos(get(visitId).id());
    }

    /** A photo's file (or thumbnail) with its type, for a caller who may see the visit. */
    @Transactional(readOnly = true)
    public PhotoFile photoFile(long visitId, long photoId, boolean thumbnail) {
        VisitPhoto photo = photos(visitId).stream().filter(p -> p.id() == photoId).findFirst()
                .orElseThrow(() -> new NotFoundException("visit.error.photoNotFound", photoId));
        return new PhotoFile(images.file(photo.sha256(), thumbnail), thumbnail ? "image/jpeg" : photo.contentType());
    }

    /** A photo file on disk and what to serve it as. */
    public record PhotoFile(Path path, String contentType) {
    }

    private Instant customerSince(String code) {
        return jdbc.query("select created_at from " + CustomerFacts.SERVICE_VIEW + " where customer_code = ?",
                (rs, n) -> rs.getTimestamp(1).toInstant(), code).stream().findFirst().orElse(null);
    }

    private Instant instant(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem("visitedAt", "{service.error.required}"));
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                problems.add(new FieldProblem("visitedAt", "{visit.error.instant}"));
                return null;
            }
        }
    }

    private static VisitPurpose purpose(String value, List<FieldProblem> problems) {
        try {
            return VisitPurpose.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("purpose", "{visit.error.purpose}"));
            return null;
        }
    }

    private List<String> fieldKeys(String field, List<String> keys, List<FieldProblem> problems) {
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String key : keys == null ? List.<String>of() : keys) {
            if (key == null || fields.find(key.strip()).isEmpty()) {
                problems.add(new FieldProblem(field, "{visit.error.unknownField}"));
            } else {
                clean.add(key.strip());
            }
        }
        return List.copyOf(clean);
    }

    static String text(String field, String value, int max, boolean required, List<FieldProblem> problems) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, "{service.error.required}"));
            }
            return null;
        }
        if (v.length() > max) {
            problems.add(new FieldProblem(field, "{service.error.tooLong}"));
        }
        return v;
    }
}
