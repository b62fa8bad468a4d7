package com.tobacco.retailcrm.calendar.domain;

/** What a listed date of a calendar year is: a holiday on a weekday, or a make-up working day on a weekend. */
public enum DayKind {
    /** 节假日: a weekday off. */
    HOLIDAY,
    /** 调休上班日: a Saturday or Sunday worked. */
    WORKDAY
}
