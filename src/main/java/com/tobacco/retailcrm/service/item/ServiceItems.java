package com.tobacco.retailcrm.service.item;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service items and their standards. An edit sends back the version it was made on (409 when someone changed it
 * meanwhile); the wording it replaces is kept in the history, so what staff were told at any time can be read back.
 */
@Service
public class ServiceItems {

    /** The item whose standard the visit form shows. */
    public static final String VISIT = "VISIT";
    /** The item whose standard the care list shows. */
    public static final String CARE = "CARE";
    public static final String VULNERABLE = "VULNERABLE";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ServiceItems(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A former wording of an item. */
    public record Revision(long version, String name, String standard, String changedBy, java.time.Instant changedAt) {
    }

    @Transactional(readOnly = true)
    public List<ServiceItem> all() {
        return jdbc.query("select * from service_item order by sort_order, code", ServiceItems::item);
    }

    @Transactional(readOnly = true)
    public Optional<ServiceItem> find(String code) {
        return jdbc.query("select * from service_item where code = ?", ServiceItems::item, code).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<Revision> history(String code) {
        return jdbc.query("select * from service_item_history where code = ? order by version desc, id desc",
                (rs, n) -> new Revision(rs.getLong("version"), rs.getString("name"), rs.getString("standard"),
                        rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()), code);
    }

    @Transactional
    public ServiceItem update(String code, String name, String standard, Long version) {
        ServiceItem current = jdbc.query("select * from service_item where code = ? for update", ServiceItems::item, code)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("service.item.error.notFound", code));
        List<FieldProblem> problems = new ArrayList<>();
        String cleanName = text("name", name, 60, problems);
        String cleanStandard = text("standard", standard, 4000, problems);
        if (version == null) {
            problems.add(new FieldProblem("version", "{service.error.versionRequired}"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (version != current.version()) {
            throw new ConflictException("version", "service.error.stale");
        }
        String user = CurrentUsers.require().username();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into service_item_history (code, version, name, standard, changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?)""", code, current.version(), current.name(), current.standard(), user, now);
        jdbc.update("update service_item set name = ?, standard = ?, version = version + 1, updated_by = ?, "
                + "updated_at = ? where code = ?", cleanName, cleanStandard, user, now, code);
        audit.record(AuditEntry.of("SERVICE_ITEM_UPDATE", "SERVICE_ITEM", code)
                .detail("version " + current.version() + " → " + (current.version() + 1)));
        return find(code).orElseThrow();
    }

    private static String text(String field, String value, int max, List<FieldProblem> problems) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            problems.add(new FieldProblem(field, "{service.error.required}"));
        } else if (v.length() > max) {
            problems.add(new FieldProblem(field, "{service.error.tooLong}"));
        }
        return v;
    }

    private static ServiceItem item(ResultSet rs, int n) throws SQLException {
        Timestamp at = rs.getTimestamp("updated_at");
        return new ServiceItem(rs.getString("code"), rs.getString("category"), rs.getString("name"),
                rs.getString("standard"), rs.getLong("version"), rs.getString("updated_by"),
                at == null ? null : at.toInstant());
    }
}
