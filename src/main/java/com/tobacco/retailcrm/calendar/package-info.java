/**
 * 工作日历 — the working calendar: per-year holidays and make-up working days (调休上班日), the daily working periods,
 * and due-time arithmetic in working days, working hours or natural hours that every time limit is counted with.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit :: api", "security :: api", "shared"})
package com.tobacco.retailcrm.calendar;
