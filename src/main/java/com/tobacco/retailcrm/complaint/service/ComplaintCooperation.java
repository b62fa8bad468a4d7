package com.tobacco.retailcrm.complaint.service;

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

/** The complaints each archived retailer filed within the period (by received time, in the company's zone), for 合作度. */
@Component
class ComplaintCooperation implements CooperationFacts {

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    ComplaintCooperation(JdbcTemplate jdbc, CrmProperties crm) {
        this.jdbc = jdbc;
        this.zone = crm.zone();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, CooperationCounts> countsByCustomer(LocalDate from, LocalDate to) {
        Map<String, CooperationCounts> counts = new HashMap<>();
        jdbc.query("select customer_code, count(*) from complaint where customer_code is not null"
                + " and received_at >= ? and received_at < ? group by customer_code", rs -> {
            counts.put(rs.getString(1), CooperationCounts.complaints(rs.getInt(2)));
        }, Timestamp.from(from.atStartOfDay(zone).toInstant()),
                Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        return counts;
    }
}
