package com.tobacco.retailcrm.workflow.change;

import com.tobacco.retailcrm.customer.api.CustomerFields;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.web.Messages;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 批量维护文件 — a CSV file (UTF-8, or GB18030 as Excel saves it in China) whose header row names {@code customerCode}
 * and the fields to change, by key or Chinese label; each further row is one customer's changes. An empty cell leaves
 * the field alone. Quoted cells (RFC 4180) may hold commas, quotes and line breaks.
 */
final class BulkFile {

    static final int MAX_ROWS = 10_000;

    /** One data row: its line number in the file (header = 1) and the field changes. */
    record Row(int rowNo, String customerCode, Map<String, String> changes) {
    }

    private BulkFile() {
    }

    static List<Row> read(String fileName, byte[] content, CustomerFields fields, Messages messages) {
        if (fileName == null || !fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            throw new InvalidInputException("file", messages.text("change.error.bulk.format"));
        }
        List<List<String>> lines = parse(decode(content));
        lines.removeIf(l -> l.stream().allMatch(String::isBlank));
        if (lines.size() < 2) {
            throw new InvalidInputException("file", messages.text("change.error.bulk.empty"));
        }
        if (lines.size() - 1 > MAX_ROWS) {
            throw new InvalidInputException("file", messages.text("change.error.bulk.tooMany", MAX_ROWS));
        }
        List<String> keys = header(lines.get(0), fields, messages);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            Map<String, String> changes = new LinkedHashMap<>();
            String code = null;
            for (int c = 0; c < keys.size() && c < cells.size(); c++) {
                String v = cells.get(c).strip();
                if (c == 0) {
                    code = v;
                } else if (!v.isEmpty()) {
                    changes.put(keys.get(c), v);
                }
            }
            rows.add(new Row(i + 1, code, changes));
        }
        return rows;
    }

    private static List<String> header(List<String> cells, CustomerFields fields, Messages messages) {
        List<String> keys = new ArrayList<>();
        for (String cell : cells) {
            String name = cell.strip();
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

    private static String decode(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return new String(content, start, content.length - start, Charset.forName("GB18030"));
        }
    }

    /** RFC 4180: cells separated by commas, optionally quoted with doubled quotes inside. */
    static List<List<String>> parse(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                line.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line.add(cell.toString());
                cell.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (!cell.isEmpty() || !line.isEmpty()) {
            line.add(cell.toString());
            lines.add(line);
        }
        return lines;
    }
}
