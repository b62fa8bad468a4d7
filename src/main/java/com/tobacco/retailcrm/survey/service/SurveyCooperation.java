package com.tobacco.retailcrm.survey.service;

import com.tobacco.retailcrm.rating.api.CooperationCounts;
import com.tobacco.retailcrm.rating.api.CooperationFacts;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 测评参与 for the evaluation's 合作度: per retailer, the surveys answered (by phone or link, dated by the answer) and
 * refused (dated when the refusal was recorded) within the period, in the company's zone. Unreachable calls do not
 * count: nobody was asked.
 */
@Component
class SurveyCooperation implements CooperationFacts {

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    SurveyCooperation(JdbcTemplate jdbc, CrmProperties crm) {
        this.jdbc = jdbc;
        this.zone = crm.zone();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, CooperationCounts> countsByCustomer(LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        Map<String, CooperationCounts> counts = new HashMap<>();
        jdbc.query("""
                select customer_code,
                       count(*) filter (where status = 'ANSWERED' and answered_at >= ? and answered_at < ?),
                       count(*) filter (where status = 'REFUSED' and outcome_at >= ? and outcome_at < ?)
                from survey_assignment
                where (status = 'ANSWERED' and answered_at >= ? and answered_at < ?)
                   or (status = 'REFUSED' and outcome_at >= ? and outcome_at < ?)
                group by customer_code""", rs -> {
            counts.put(rs.getString(1), CooperationCounts.surveys(rs.getInt(2), rs.getInt(3)));
        }, start, end, start, end, start, end, start, end);
        return counts;
    }
}
