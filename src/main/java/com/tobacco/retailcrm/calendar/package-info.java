/**
 * 工作日历 — the working calendar: per-year holidays and make-up working days (调休上班日), the daily working periods,
 * and due-time arithmetic in working days, working hours or natural hours that every time limit is counted with.
 */
package com.tobacco.retailcrm.calendar;
