package com.tobacco.retailcrm.customer.io;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what people type into spreadsheet cells into the canonical text of the API, before the archive's own
 * validation sees it: an enum by its Chinese name becomes its code, 2026/1/5 or an Excel date serial becomes
 * 2026-01-05, 是/否 become true/false, 1,200.50 becomes 1200.50. Anything it does not recognise passes through
 * unchanged so that the archive's validation names the field and the problem.
 */
final class CellParser {

    /** Compiled once: a file has a phone cell in every row, {@code String.replaceAll} compiles on each call. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
            + "(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{1,6}(\\.\\d+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Map<String, String> BOOLEANS = Map.ofEntries(
            Map.entry("是", "true"), Map.entry("否", "false"), Map.entry("true", "true"), Map.entry("false", "false"),
            Map.entry("y", "true"), Map.entry("n", "false"), Map.entry("yes", "true"), Map.entry("no", "false"),
            Map.entry("1", "true"), Map.entry("0", "false"), Map.entry("有", "true"), Map.entry("无", "false"));

    private CellParser() {
    }

    /** The canonical text of a cell for a field; {@code null} for an empty cell. */
    static String canonical(ImportField field, String cell) {
        if (cell == null) {
            return null;
        }
        String text = cell.strip();
        if (text.length() > 1 && text.charAt(0) == '\'' && "=+-@".indexOf(text.charAt(1)) >= 0) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            return null;
        }
        return switch (field.type()) {
            case "ENUM" -> enumCode(field, text);
            case "DATE" -> date(text);
            case "BOOLEAN" -> BOOLEANS.getOrDefault(text.toLowerCase(Locale.ROOT), text);
            case "DECIMAL", "INTEGER" -> number(text);
            case "PHONE" -> WHITESPACE.matcher(text).replaceAll("");
            default -> text;
        };
    }

    private static String enumCode(ImportField field, String text) {
        if (field.options().containsKey(text)) {
            return text;
        }
        for (var option : field.options().entrySet()) {
            if (option.getValue().equals(text) || option.getKey().equalsIgnoreCase(text)) {
                return option.getKey();
            }
        }
        // "2 便利店" or "便利店(2)" as people copy them from the code list
        for (var option : field.options().entrySet()) {
            String code = option.getKey();
            String name = option.getValue();
            if (text.equals(code + " " + name) || text.equals(code + name) || text.equals(name + "(" + code + ")")
                    || text.equals(name + "（" + code + "）")) {
                return code;
            }
        }
        return text;
    }

    private static String date(String text) {
        Matcher m = DATE.matcher(text);
        if (m.matches()) {
            return iso(m.group(1), m.group(2), m.group(3), text);
        }
        m = COMPACT_DATE.matcher(text);
        if (m.matches()) {
            return iso(m.group(1), m.group(2), m.group(3), text);
        }
        if (EXCEL_SERIAL.matcher(text).matches()) {
            double serial = Double.parseDouble(text);
            // 1 .. 2958465 is 1900-01-01 .. 9999-12-31 in Excel's 1900 date system
            if (serial >= 1 && serial < 2958466) {
                return EXCEL_EPOCH.plusDays((long) Math.floor(serial)).format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
        }
        return text;
    }

    private static String iso(String y, String m, String d, String original) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d))
                    .format(DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (java.time.DateTimeException e) {
            return original;
        }
    }

    private static String number(String text) {
        String plain = text.replace(",", "").replace("，", "").replace(" ", "");
        try {
            BigDecimal value = new BigDecimal(plain);
            return value.scale() > 0 ? value.stripTrailingZeros().toPlainString() : value.toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
