package com.tobacco.retailcrm.calendar.api;

/** The unit a time limit is given in (时限单位). */
public enum WorkTimeUnit {
    /** 工作日: one working day is the length of the configured working periods (8 working hours by default). */
    WORKING_DAY,
    /** 工作小时: 60 minutes of working time inside the working periods of working days. */
    WORKING_HOUR,
    /** 自然小时: 60 minutes of wall-clock time, ignoring the calendar. */
    HOUR
}
