package com.tobacco.retailcrm.survey.service;

import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.survey.api.SurveyFigures;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link SurveyFigures} as one aggregate over the answered assignments of the month. */
@Service
class SurveyFigureQueries implements SurveyFigures {

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    SurveyFigureQueries(JdbcTemplate jdbc, CrmProperties crm) {
        this.jdbc = jdbc;
        this.zone = crm.zone();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ManagerRatings> byManager(YearMonth month) {
        return jdbc.query("""
                select a.customer_manager, a.county_org_unit_id, count(w.rating), coalesce(sum(w.rating), 0)
                  from survey_assignment a join survey_answer w on w.assignment_id = a.id
                 where a.status = 'ANSWERED' and a.answered_at >= ? and a.answered_at < ? and w.rating is not null
                 group by 1, 2""",
                (rs, i) -> new ManagerRatings(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant()),
                Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
    }
}
