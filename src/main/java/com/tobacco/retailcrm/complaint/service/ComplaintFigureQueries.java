package com.tobacco.retailcrm.complaint.service;

import com.tobacco.retailcrm.complaint.api.ComplaintFigures;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ComplaintFigures} as one aggregate, late and on time counted as {@link ComplaintReport} counts them. */
@Service
class ComplaintFigureQueries implements ComplaintFigures {

    private static final String LATE_OPEN = "c.resolved_at is null and c.status in " + ComplaintStore.OPEN_STATUSES
            + " and c.due_resolution_at < coalesce(c.paused_at, ?)";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final Clock clock;

    ComplaintFigureQueries(JdbcTemplate jdbc, CrmProperties crm, Clock clock) {
        this.jdbc = jdbc;
        this.zone = crm.zone();
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ManagerComplaints> byManager(YearMonth month) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.query("select c.customer_manager, c.customer_county_id, count(*),"
                + " count(*) filter (where c.resolved_at is not null and c.resolved_at <= c.due_resolution_at),"
                + " count(*) filter (where c.resolved_at > c.due_resolution_at or (" + LATE_OPEN + ")),"
                + " coalesce(sum(b.n), 0), coalesce(sum(b.ok), 0)"
                + " from complaint c left join (select complaint_id, count(*) n,"
                + " count(*) filter (where satisfaction <> 'UNSATISFIED') ok from complaint_callback group by 1) b"
                + " on b.complaint_id = c.id where c.received_at >= ? and c.received_at < ? group by 1, 2",
                (rs, i) -> new ManagerComplaints(rs.getString(1), (Long) rs.getObject(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)),
                now, Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant()),
                Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
    }
}
