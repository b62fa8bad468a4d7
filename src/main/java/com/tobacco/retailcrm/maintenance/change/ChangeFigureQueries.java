package com.tobacco.retailcrm.maintenance.change;

import com.tobacco.retailcrm.maintenance.api.ChangeFigures;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.workflow.api.CaseFacts;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ChangeFigures} as one aggregate: a request's id is its case's id, whose limit the workflow's view gives.
 * Requests raised before the engine took them over have no case and count as finished, not as on time.
 */
@Service
class ChangeFigureQueries implements ChangeFigures {

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    ChangeFigureQueries(JdbcTemplate jdbc, CrmProperties crm) {
        this.jdbc = jdbc;
        this.zone = crm.zone();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ManagerChanges> byManager(YearMonth month) {
        return jdbc.query("select r.customer_manager, r.county_id, count(*),"
                + " count(*) filter (where f.due_at is not null and r.closed_at <= f.due_at)"
                + " from change_request r left join " + CaseFacts.VIEW + " f on f.id = r.id"
                + " where r.status in ('APPLIED', 'COMPLETED') and r.closed_at >= ? and r.closed_at < ? group by 1, 2",
                (rs, i) -> new ManagerChanges(rs.getString(1), (Long) rs.getObject(2), rs.getLong(3), rs.getLong(4)),
                Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant()),
                Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
    }
}
