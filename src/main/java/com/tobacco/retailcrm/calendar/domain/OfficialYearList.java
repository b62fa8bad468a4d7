package com.tobacco.retailcrm.calendar.domain;

import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 官方放假安排: a year's official list of days as the open holiday data sets publish it
 * ({@code {"year":2026,"days":[{"name":"元旦","date":"2026-01-01","isOffDay":true}, ...]}}), or the calendar page's
 * CSV ({@code 日期,类型,名称}; 类型 节假日/休 or 调休上班/班). Days come as the notice lists them; the year's rules
 * ({@link CalendarYearRules}) then decide what they change.
 */
public record OfficialYearList(List<LocalDate> holidays, List<LocalDate> workdays, Map<LocalDate, String> names) {

    /** The CSV's header, written by the page's download and accepted back by the import. */
    public static final String CSV_HEADER = "日期,类型,名称";
    public static final String CSV_HOLIDAY = "节假日";
    public static final String CSV_WORKDAY = "调休上班";

    private static final Set<String> OFF = Set.of(CSV_HOLIDAY, "休", "休息", "holiday", "true", "off");
    private static final Set<String> WORK = Set.of(CSV_WORKDAY, "班", "上班", "workday", "false", "work");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Reads a file of either format for the given year; JSON when it starts with '{', else CSV. */
    public static OfficialYearList parse(int year, byte[] content, CalendarYearRules.Texts texts) {
        CalendarYearRules.checkYear(year, texts);
        String text = content == null ? "" : new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("file", texts.text("calendar.import.empty"));
        }
        OfficialYearList list = text.startsWith("{") ? json(year, text, texts) : csv(text, texts);
        if (list.holidays().isEmpty() && list.workdays().isEmpty()) {
            throw new InvalidInputException("days", texts.text("calendar.import.noDays", year));
        }
        return list;
    }

    private static OfficialYearList json(int year, String text, CalendarYearRules.Texts texts) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidInputException("file", texts.text("calendar.import.badJson"));
        }
        JsonNode stated = root.get("year");
        if (stated != null && stated.isNumber() && stated.asInt() != year) {
            throw new InvalidInputException("year", texts.text("calendar.import.otherYear", stated.asInt(), year));
        }
        JsonNode days = root.get("days");
        if (days == null || !days.isArray()) {
            throw new InvalidInputException("days", texts.text("calendar.import.badJson"));
        }
        Builder b = new Builder();
        for (int i = 0; i < days.size(); i++) {
            JsonNode day = days.get(i);
            String at = "days[" + i + "]";
            JsonNode off = day.get("isOffDay");
            if (off == null || !off.isBoolean()) {
                b.problems.add(new FieldProblem(at + ".isOffDay", texts.text("calendar.import.kind")));
                continue;
            }
            b.add(at + ".date", text(day, "date"), off.asBoolean(), text(day, "name"), texts);
        }
        return b.build();
    }

    private static OfficialYearList csv(String text, CalendarYearRules.Texts texts) {
        List<CSVRecord> records;
        try {
            records = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get()
                    .parse(new StringReader(text)).getRecords();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException("file", texts.text("calendar.import.badCsv"));
        }
        Builder b = new Builder();
        for (CSVRecord r : records) {
            if (r.getRecordNumber() == 1 && !r.get(0).isEmpty() && !Character.isDigit(r.get(0).charAt(0))) {
                continue;  // the header
            }
            String at = "line " + r.getRecordNumber();
            String kind = r.size() > 1 ? r.get(1).toLowerCase(Locale.ROOT) : "";
            Boolean off = OFF.contains(kind) ? Boolean.TRUE : WORK.contains(kind) ? Boolean.FALSE : null;
            if (off == null) {
                b.problems.add(new FieldProblem(at, texts.text("calendar.import.kind")));
                continue;
            }
            b.add(at, r.get(0), off, r.size() > 2 ? r.get(2) : null, texts);
        }
        return b.build();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static final class Builder {
        final List<LocalDate> holidays = new ArrayList<>();
        final List<LocalDate> workdays = new ArrayList<>();
        final Map<LocalDate, String> names = new LinkedHashMap<>();
        final List<FieldProblem> problems = new ArrayList<>();

        void add(String at, String date, boolean off, String name, CalendarYearRules.Texts texts) {
            LocalDate day;
            try {
                day = LocalDate.parse(date == null ? "" : date.strip());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(at, texts.text("calendar.import.date", date == null ? "" : date)));
                return;
            }
            (off ? holidays : workdays).add(day);
            if (name != null && !name.isBlank()) {
                names.put(day, name.strip().length() > 32 ? name.strip().substring(0, 32) : name.strip());
            }
        }

        OfficialYearList build() {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new OfficialYearList(holidays, workdays, names);
        }
    }
}
