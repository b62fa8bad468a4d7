package com.tobacco.retailcrm.maintenance.api;

import java.time.YearMonth;
import java.util.List;

/**
 * 修改及时性 — the change requests (修改维护任务单) finished (applied or completed, not rejected) within a month, per
 * customer manager and county of the customer, and how many of them within their case's limit; company-wide (the
 * caller applies its own data scope). A bulk change names no one customer: its manager and county are null.
 */
public interface ChangeFigures {

    List<ManagerChanges> byManager(YearMonth month);

    record ManagerChanges(String manager, Long countyOrgUnitId, long finished, long onTime) {
    }
}
