package com.tobacco.retailcrm.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table every benchmark prints: figure, value, baseline, ratio, target, pass (PASS/FAIL), each figure also
 * noted as a line of the report the moment it is measured.
 */
public final class BenchTable {

    private final List<String[]> figures = new ArrayList<>();

    /** Adds a figure and returns its line for the report. */
    public String figure(String name, double value, double baseline, String target, boolean pass) {
        figures.add(new String[] {name, format(value), format(baseline),
                baseline == 0 ? "-" : String.format(Locale.ROOT, "%.2f", value / baseline), target, pass ? "PASS" : "FAIL"});
        return String.format(Locale.ROOT, "figure: %s = %s (baseline %s, target %s)", name, format(value),
                format(baseline), target);
    }

    private static String format(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** The table's lines, columns padded to their widest cell. */
    public List<String> lines() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"figure", "value", "baseline", "ratio", "target", "pass"});
        rows.addAll(figures);
        int[] width = new int[6];
        for (String[] r : rows) {
            for (int i = 0; i < 6; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder("|");
            for (int i = 0; i < 6; i++) {
                sb.append(' ').append(r[i]).append(" ".repeat(width[i] - r[i].length())).append(" |");
            }
            out.add(sb.toString());
        }
        return out;
    }

    private final List<String> notes = new java.util.ArrayList<>();

    /** A line of the report below the table, printed at once: a run that fails later still shows what it measured. */
    public void note(String line) {
        System.out.println("[bench] " + line);
        notes.add(line);
    }

    /** A line of the report below the table, not printed (long output such as query plans). */
    public void noteInReportOnly(String line) {
        notes.add(line);
    }

    /** Writes the table and the notes to {@code target/<fileName>} and prints the table. */
    public void writeReport(String fileName) throws java.io.IOException {
        List<String> out = new java.util.ArrayList<>(lines());
        out.add("");
        out.addAll(notes);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", fileName), out, java.nio.charset.StandardCharsets.UTF_8);
        lines().forEach(line -> System.out.println("[bench] " + line));
    }

    public static String loadAverage() throws java.io.IOException {
        return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    }
}
