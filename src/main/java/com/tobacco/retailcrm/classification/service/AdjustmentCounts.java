package com.tobacco.retailcrm.classification.service;

import com.tobacco.retailcrm.classification.api.AdjustmentFigures;
import com.tobacco.retailcrm.classification.persistence.RunStore;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** {@link AdjustmentFigures} over the same periods as the monthly report ({@link Adjustments#periods}). */
@Service
class AdjustmentCounts implements AdjustmentFigures {

    private final RunStore store;

    AdjustmentCounts(RunStore store) {
        this.store = store;
    }

    @Override
    public Map<Long, Long> changesByCounty(YearMonth month) {
        List<String> periods = Adjustments.periods(month);
        return store.countAdjustmentsByCounty(periods.get(0), periods.get(1));
    }
}
