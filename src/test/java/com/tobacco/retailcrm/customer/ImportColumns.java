package com.tobacco.retailcrm.customer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the benchmark turns rows of an export into the rows of its import file: updates (the exported row with three
 * values changed) and new customers (a fresh code and licence, no SYSTEM values, and every writable column filled
 * with a value its field accepts), so that the file is as wide as the dictionary.
 */
final class ImportColumns {

    private final List<Map<String, Object>> meta = new ArrayList<>();
    private final int code;
    private final int licence;
    private final int storeName;
    private final int county;
    private final List<Integer> changed = new ArrayList<>();

    /** @param byLabel the dictionary's fields by Chinese label (key, type, format, maintenance, limits, first option) */
    ImportColumns(List<String> header, Map<String, Map<String, Object>> byLabel) {
        for (String label : header) {
            meta.add(byLabel.get(label));
        }
        code = indexOf("customerCode");
        licence = indexOf("licenceNo");
        storeName = indexOf("storeName");
        county = header.indexOf("所属县区");
        for (int i = 0; i < meta.size() && changed.size() < 2; i++) {
            if (plainWritableText(meta.get(i)) && i != storeName) {
                changed.add(i);
            }
        }
    }

    private int indexOf(String key) {
        for (int i = 0; i < meta.size(); i++) {
            if (meta.get(i) != null && key.equals(meta.get(i).get("key"))) {
                return i;
            }
        }
        throw new IllegalStateException("no column for " + key);
    }

    private static boolean plainWritableText(Map<String, Object> m) {
        return m != null && "TEXT".equals(m.get("type")) && m.get("format") == null && !"SYSTEM".equals(m.get("maintenance"))
                && !Boolean.TRUE.equals(m.get("sensitive"));
    }

    /** The exported row with its store name and two more text values changed. */
    List<String> updated(List<String> row, int i) {
        List<String> out = new ArrayList<>(row);
        out.set(storeName, row.get(storeName) + "新");
        for (int c : changed) {
            out.set(c, fit("改" + i, meta.get(c)));
        }
        return out;
    }

    /** The exported row changed as {@link #updated} changes it, and then once more: for a second import of it. */
    List<String> updatedAgain(List<String> row, int i) {
        List<String> out = updated(row, i);
        out.set(storeName, out.get(storeName) + "再");
        for (int c : changed) {
            out.set(c, fit("再" + i, meta.get(c)));
        }
        return out;
    }

    /** The exported row as a new customer in the county: fresh code and licence, every writable column filled. */
    List<String> created(List<String> row, int i, String prefix, String countyCode) {
        List<String> out = new ArrayList<>(row.size());
        for (int c = 0; c < row.size(); c++) {
            Map<String, Object> m = meta.get(c);
            String value = row.get(c);
            if (c == code || c == licence) {
                out.add(prefix + String.format("%08d", i));
            } else if (c == county) {
                out.add(countyCode);
            } else if (m == null) {
                out.add(value);
            } else if ("SYSTEM".equals(m.get("maintenance"))) {
                out.add("");
            } else if (!value.isEmpty() && !value.contains("*")) {
                out.add(value);
            } else {
                out.add(generated(m, i));
            }
        }
        return out;
    }

    /** A value the field accepts, or empty where a valid one needs more than a generator (ID cards, users, …). */
    private static String generated(Map<String, Object> m, int i) {
        String key = (String) m.get("key");
        return switch ((String) m.get("type")) {
            case "ENUM" -> m.get("first_option") == null ? "" : (String) m.get("first_option");
            case "BOOLEAN" -> i % 2 == 0 ? "是" : "否";
            case "DATE" -> key.toLowerCase().matches(".*(until|expir|end|valid).*") ? "2029-12-31" : "2024-03-01";
            case "INTEGER", "DECIMAL" -> number(m, i);
            case "PHONE" -> "139" + String.format("%08d", i % 100_000_000);
            case "TEXT" -> m.get("format") != null ? "" : fit("值" + i, m);
            default -> "";
        };
    }

    private static String number(Map<String, Object> m, int i) {
        BigDecimal min = m.get("min_value") == null ? BigDecimal.ZERO : new BigDecimal(m.get("min_value").toString());
        BigDecimal max = m.get("max_value") == null ? null : new BigDecimal(m.get("max_value").toString());
        BigDecimal v = min.add(BigDecimal.valueOf(1 + i % 9));
        if (max != null && v.compareTo(max) > 0) {
            v = max;
        }
        return v.stripTrailingZeros().toPlainString();
    }

    private static String fit(String value, Map<String, Object> m) {
        Object max = m.get("max_length");
        int limit = max == null ? Integer.MAX_VALUE : ((Number) max).intValue();
        return value.length() <= limit ? value : value.substring(value.length() - limit);
    }
}
