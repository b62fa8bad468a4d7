package com.tobacco.retailcrm.calendar.web;

import java.time.LocalDate;
import java.util.List;

/** A year's lists as an admin sends them: holidays on weekdays, make-up working days on weekends. */
record CalendarYearCommand(List<LocalDate> holidays, List<LocalDate> workdays) {
}
