package com.tobacco.retailcrm.calendar.web;

import com.tobacco.retailcrm.calendar.domain.CalendarYearView;
import com.tobacco.retailcrm.calendar.domain.OfficialYearList;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** A year's listed days as the CSV the page downloads and the import reads back (日期,类型,名称). */
final class CalendarCsv {

    private CalendarCsv() {
    }

    static String of(CalendarYearView view) {
        Map<LocalDate, String> rows = new TreeMap<>();
        view.holidays().forEach(d -> rows.put(d, OfficialYearList.CSV_HOLIDAY));
        view.workdays().forEach(d -> rows.put(d, OfficialYearList.CSV_WORKDAY));
        StringBuilder csv = new StringBuilder("\uFEFF").append(OfficialYearList.CSV_HEADER).append("\r\n");
        rows.forEach((day, kind) -> csv.append(day).append(',').append(kind).append(',')
                .append(view.names().getOrDefault(day, "").replace(",", " ")).append("\r\n"));
        return csv.toString();
    }
}
