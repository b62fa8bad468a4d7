package com.tobacco.retailcrm.audit.domain;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Component
public class JdbcAuditLog implements AuditLog {

    private static final int MAX_DETAIL = 4000;
    /** Set on a request that recorded an event itself, so the download recorder does not record it twice. */
    public static final String RECORDED_IN_REQUEST = JdbcAuditLog.class.getName() + ".recorded";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcAuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEntry e) {
        recordAll(List.of(e));
    }

    /** One batched insert for all of them (rewritten by the driver into multi-row inserts). */
    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        String ip = sourceIp();
        String actor = currentActor();
        List<Object[]> rows = entries.stream().map(e -> new Object[] {now, e.actor() != null ? e.actor() : actor, ip,
                e.action(), e.targetType(), e.targetId(), e.customerCode(), e.outcome().name(), detail(e)}).toList();
        String insert = """
                insert into audit_event (occurred_at, actor, source_ip, action, target_type, target_id, customer_code, outcome, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        if (rows.size() == 1) {
            jdbc.update(insert, rows.get(0));
        } else {
            jdbc.batchUpdate(insert, rows);
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            attrs.getRequest().setAttribute(RECORDED_IN_REQUEST, Boolean.TRUE);
        }
    }

    private static String detail(AuditEntry e) {
        return e.detail() != null && e.detail().length() > MAX_DETAIL ? e.detail().substring(0, MAX_DETAIL) : e.detail();
    }

    private static String currentActor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }

    static String sourceIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
