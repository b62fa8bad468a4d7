package com.tobacco.retailcrm.complaint.api;

import java.time.YearMonth;
import java.util.List;

/**
 * 投诉考核 — a month's complaints (by received time) counted per customer manager and county of the customer,
 * company-wide in one aggregate (the caller applies its own data scope), with the rules of the monthly analysis.
 */
public interface ComplaintFigures {

    List<ManagerComplaints> byManager(YearMonth month);

    /**
     * @param resolvedOnTime  resolved within the resolution limit
     * @param resolutionLate  resolved late, or still open past the limit (pauses counted as the analysis does)
     * @param callbacks       callbacks recorded on them (every round)
     * @param satisfied       of those, 满意 or 基本满意
     */
    record ManagerComplaints(String manager, Long countyOrgUnitId, long complaints, long resolvedOnTime,
                             long resolutionLate, long callbacks, long satisfied) {
    }
}
