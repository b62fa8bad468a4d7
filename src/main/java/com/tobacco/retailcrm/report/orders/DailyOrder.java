package com.tobacco.retailcrm.report.orders;

import com.tobacco.retailcrm.shared.api.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * 订货日记录 — whether a customer ordered on a day, whether the order succeeded (订货成功) and was settled electronically
 * (电子结算). An order succeeds only if it was placed, and is settled only if it succeeded; no day is in the future.
 */
public record DailyOrder(String customerCode, LocalDate date, boolean ordered, boolean succeeded, boolean electronic) {

    /** The record these texts describe, or the problems of each field (prefixed) when there are any. */
    public static Object parse(String prefix, String code, String date, String ordered, String succeeded,
                               String electronic, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        String c = code == null ? "" : code.strip();
        if (c.isEmpty() || c.length() > 40) {
            problems.add(new FieldProblem(prefix + "customerCode", "{report.orders.error.customerCode}"));
        }
        LocalDate day = null;
        try {
            day = LocalDate.parse(date == null ? "" : date.strip());
            if (day.isAfter(today)) {
                problems.add(new FieldProblem(prefix + "date", "{report.orders.error.future}"));
            }
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(prefix + "date", "{report.orders.error.date}"));
        }
        Boolean o = flag(ordered, prefix + "ordered", problems);
        Boolean s = flag(succeeded, prefix + "succeeded", problems);
        Boolean e = flag(electronic, prefix + "electronic", problems);
        if (o != null && s != null && s && !o) {
            problems.add(new FieldProblem(prefix + "succeeded", "{report.orders.error.succeededWithoutOrder}"));
        }
        if (s != null && e != null && e && !s) {
            problems.add(new FieldProblem(prefix + "electronic", "{report.orders.error.electronicWithoutSuccess}"));
        }
        return problems.isEmpty() ? new DailyOrder(c, day, o, s, e) : problems;
    }

    /** true/false, 1/0, 是/否, Y/N (a file from a spreadsheet says it either way). */
    private static Boolean flag(String text, String field, List<FieldProblem> problems) {
        String t = text == null ? "" : text.strip().toLowerCase();
        switch (t) {
            case "true", "1", "是", "y", "yes" -> {
                return true;
            }
            case "false", "0", "否", "n", "no" -> {
                return false;
            }
            default -> {
                problems.add(new FieldProblem(field, "{report.orders.error.flag}"));
                return null;
            }
        }
    }
}
