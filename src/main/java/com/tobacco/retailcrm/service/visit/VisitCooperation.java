package com.tobacco.retailcrm.service.visit;

import com.tobacco.retailcrm.rating.api.CooperationCounts;
import com.tobacco.retailcrm.rating.api.CooperationFacts;
import com.tobacco.retailcrm.service.api.VisitRecords;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The visits each retailer received, for the evaluation's 合作度 (rating reads them through its own port). */
@Component
class VisitCooperation implements CooperationFacts {

    private final VisitRecords visits;

    VisitCooperation(VisitRecords visits) {
        this.visits = visits;
    }

    @Override
    public Map<String, CooperationCounts> countsByCustomer(Period period) {
        Map<String, CooperationCounts> counts = new HashMap<>();
        visits.visitsByCustomer(period.from(), period.to()).forEach((code, n) -> counts.put(code, CooperationCounts.visits(n)));
        return counts;
    }
}
