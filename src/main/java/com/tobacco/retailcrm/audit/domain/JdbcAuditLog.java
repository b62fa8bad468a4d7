package com.tobacco.retailcrm.audit.domain;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
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

    /**
     * One statement for all of them: a single event as a plain insert; many (a bulk import records one per changed
     * customer) from one array per column, so the driver binds nine parameters instead of nine per event, and the
     * events get their ids in the order given.
     */
    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        String ip = sourceIp();
        String actor = currentActor();
        if (entries.size() == 1) {
            AuditEntry e = entries.get(0);
            jdbc.update("""
                    insert into audit_event (occurred_at, actor, source_ip, action, target_type, target_id, customer_code, outcome, detail)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", now, e.actor() != null ? e.actor() : actor, ip, e.action(),
                    e.targetType(), e.targetId(), e.customerCode(), e.outcome().name(), detail(e));
        } else {
            jdbc.update("""
                    insert into audit_event (occurred_at, actor, source_ip, action, target_type, target_id, customer_code, outcome, detail)
                    select ?, a.actor, ?, a.action, a.target_type, a.target_id, a.customer_code, a.outcome, a.detail
                    from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[])
                        with ordinality as a(actor, action, target_type, target_id, customer_code, outcome, detail, n)
                    order by a.n""", now, ip, column(entries, e -> e.actor() != null ? e.actor() : actor),
                    column(entries, AuditEntry::action), column(entries, AuditEntry::targetType),
                    column(entries, AuditEntry::targetId), column(entries, AuditEntry::customerCode),
                    column(entries, e -> e.outcome().name()), column(entries, JdbcAuditLog::detail));
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            attrs.getRequest().setAttribute(RECORDED_IN_REQUEST, Boolean.TRUE);
        }
    }

    private static String[] column(List<AuditEntry> entries, Function<AuditEntry, String> value) {
        return entries.stream().map(value).toArray(String[]::new);
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
