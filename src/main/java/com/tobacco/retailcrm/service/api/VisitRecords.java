package com.tobacco.retailcrm.service.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/** 拜访记录 as other modules read them: counted, company-wide (the caller applies its own data scope). */
public interface VisitRecords {

    /** 拜访覆盖率 of each customer manager (by username) in a month, by the coverage rule of the visits API. */
    Map<String, VisitCoverage> coverageByManager(YearMonth month);

    /** How many visits each customer (by code) received between the two dates, both included. */
    Map<String, Integer> visitsByCustomer(LocalDate from, LocalDate to);
}
