/** What other modules may use of the calendar: {@link com.tobacco.retailcrm.calendar.api.WorkingCalendar}. */
@org.springframework.modulith.NamedInterface("api")
package com.tobacco.retailcrm.calendar.api;
