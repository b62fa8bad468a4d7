package com.tobacco.retailcrm.classification.api;

import java.time.YearMonth;
import java.util.Map;

/**
 * 零售客户类别调整情况表 counted: how many customers the applied runs of a month (its monthly run, or the run of the
 * quarter ending with it) moved to another class, per county; company-wide (the caller applies its own scope).
 */
public interface AdjustmentFigures {

    /** County org unit id → customers whose class changed; counties without a change are absent. */
    Map<Long, Long> changesByCounty(YearMonth month);
}
