package com.tobacco.retailcrm.survey.service;

import com.tobacco.retailcrm.rating.api.CooperationCounts;
import com.tobacco.retailcrm.rating.api.CooperationFacts;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 测评参与 for the evaluation's 合作度: per retailer, the surveys answered (by phone or link, dated by the answer) and
 * refused (dated when the refusal was recorded) within the period. Unreachable calls do not
 * count: nobody was asked.
 */
@Component
class SurveyCooperation implements CooperationFacts {

    private final JdbcTemplate jdbc;

    SurveyCooperation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, CooperationCounts> countsByCustomer(Period period) {
        Timestamp start = Timestamp.from(period.start());
        Timestamp end = Timestamp.from(period.end());
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
