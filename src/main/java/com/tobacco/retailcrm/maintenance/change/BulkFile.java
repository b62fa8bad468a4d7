package com.tobacco.retailcrm.maintenance.change;

import com.tobacco.retailcrm.customer.api.CustomerFields;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.customer.api.UploadedSheets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 批量维护文件 — an .xlsx or .csv file (read by the archive's own sheet reader: UTF-8 or GB18030 CSV, first sheet of
 * an xlsx) whose header row names {@code customerCode} and the fields to change, by key or Chinese label; each further
 * row is one customer's changes. An empty cell leaves the field alone; blank rows are skipped.
 */
final class BulkFile {

    static final int MAX_ROWS = 10_000;

    /** One data row: its line number in the file (header = 1) and the field changes. */
    record Row(int rowNo, String customerCode, Map<String, String> changes) {
    }

    private BulkFile() {
    }

    static List<Row> read(String fileName, byte[] content, UploadedSheets sheets, CustomerFields fields,
                          Messages messages) {
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".xlsx")) {
            throw new InvalidInputException("file", messages.text("change.error.bulk.format"));
        }
        List<UploadedSheets.Row> lines = new ArrayList<>();
        withTemporaryFile(content, file -> sheets.read(file, row -> {
            if (row.isBlank()) {
                return;
            }
            if (lines.size() > MAX_ROWS) {
                throw new InvalidInputException("file", messages.text("change.error.bulk.tooMany", MAX_ROWS));
            }
            lines.add(row);
        }));
        if (lines.size() < 2) {
            throw new InvalidInputException("file", messages.text("change.error.bulk.empty"));
        }
        List<String> keys = header(lines.get(0).cells(), fields, messages);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i).cells();
            Map<String, String> changes = new LinkedHashMap<>();
            String code = null;
            for (int c = 0; c < keys.size() && c < cells.size(); c++) {
                String v = cells.get(c) == null ? "" : cells.get(c).strip();
                if (c == 0) {
                    code = v;
                } else if (!v.isEmpty()) {
                    changes.put(keys.get(c), v);
                }
            }
            rows.add(new Row(lines.get(i).number(), code, changes));
        }
        return rows;
    }

    /** The sheet reader streams from a file: the upload is put in one only while it is read. */
    private static void withTemporaryFile(byte[] content, java.util.function.Consumer<Path> use) {
        Path file = null;
        try {
            file = Files.createTempFile("bulk-change-", ".upload");
            Files.write(file, content);
            use.accept(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a left-over temporary file is harmless; the upload has been read
                }
            }
        }
    }

    private static List<String> header(List<String> cells, CustomerFields fields, Messages messages) {
        List<String> keys = new ArrayList<>();
        for (String cell : cells) {
            String name = cell == null ? "" : cell.strip();
            String key = fields.find(name).map(FieldDefinition::key)
                    .or(() -> fields.findByLabel(name).map(FieldDefinition::key)).orElse(null);
            if (key == null) {
                throw new InvalidInputException("file", messages.text("change.error.bulk.column", name));
            }
            if (keys.contains(key)) {
                throw new InvalidInputException("file", messages.text("change.error.bulk.duplicateColumn", name));
            }
            keys.add(key);
        }
        if (keys.isEmpty() || !keys.get(0).equals("customerCode")) {
            throw new InvalidInputException("file", messages.text("change.error.bulk.firstColumn"));
        }
        if (keys.size() < 2) {
            throw new InvalidInputException("file", messages.text("change.error.bulk.noFields"));
        }
        return keys;
    }
}
