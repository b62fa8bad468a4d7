package com.tobacco.retailcrm.complaint.service;

import com.tobacco.retailcrm.rating.api.CooperationCounts;
import com.tobacco.retailcrm.rating.api.CooperationFacts;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The complaints each archived retailer filed within the period (by received time), for 合作度. */
@Component
class ComplaintCooperation implements CooperationFacts {

    private final JdbcTemplate jdbc;

    ComplaintCooperation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, CooperationCounts> countsByCustomer(Period period) {
        Map<String, CooperationCounts> counts = new HashMap<>();
        jdbc.query("select customer_code, count(*) from complaint where customer_code is not null"
                + " and received_at >= ? and received_at < ? group by customer_code", rs -> {
            counts.put(rs.getString(1), CooperationCounts.complaints(rs.getInt(2)));
        }, Timestamp.from(period.start()), Timestamp.from(period.end()));
        return counts;
    }
}
