package com.tobacco.retailcrm.customer.api;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * 档案维护考核 — the archive's upkeep counted per customer manager and county, company-wide and set-based (the caller
 * applies its own data scope): for the managers' indicators and the leaders' dashboard.
 */
public interface ArchiveFigures {

    /**
     * One row per (customer manager, county) that has ACTIVE customers now, or a new customer whose deadline fell in
     * the month: the ACTIVE customers, the sum of their overall completeness (each rounded down to 2 places as the
     * archive shows it, so the mean is {@code completenessSum ÷ customers}), and the new customers (created one by
     * one or onboarded, not cancelled) whose 5-working-day deadline for a complete archive passed within the month
     * (and before today) and whose archive is still incomplete.
     */
    List<ManagerArchive> byManager(YearMonth month);

    /** The figures of one manager (null for customers without one) in one county. */
    record ManagerArchive(String manager, long countyOrgUnitId, long customers, BigDecimal completenessSum,
                          long overdueNew) {
    }
}
