package com.tobacco.retailcrm.customer.io;

import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header row of a customer file: which column holds which field. A column may be headed by the field's key
 * or its Chinese label, mixed freely; case, spaces, full-width brackets and a trailing required-mark (*) do not
 * matter. A header the dictionary does not know, a field given twice or a missing customer code refuses the whole
 * file, because guessing would put data into the wrong field.
 */
final class ImportHeader {

    private final Map<Integer, ImportField> columns;

    private ImportHeader(Map<Integer, ImportField> columns) {
        this.columns = columns;
    }

    Map<Integer, ImportField> columns() {
        return columns;
    }

    static ImportHeader resolve(SheetRow header, List<ImportField> fields) {
        Map<String, ImportField> byName = new HashMap<>();
        for (ImportField f : fields) {
            byName.put(normalise(f.key()), f);
            byName.putIfAbsent(normalise(f.label()), f);
        }
        Map<Integer, ImportField> columns = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cell(i);
            if (name == null || name.isBlank()) {
                continue;
            }
            ImportField field = byName.get(normalise(name));
            if (field == null) {
                problems.add(new FieldProblem(name.strip(), "{customer.import.error.unknownColumn}"));
            } else if (seen.putIfAbsent(field.key(), i) != null) {
                problems.add(new FieldProblem(name.strip(), "{customer.import.error.duplicateColumn}"));
            } else {
                columns.put(i, field);
            }
        }
        if (problems.isEmpty() && !seen.containsKey("customerCode")) {
            problems.add(new FieldProblem("customerCode", "{customer.import.error.noCodeColumn}"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ImportHeader(columns);
    }

    static String normalise(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
        if (n.startsWith("\uFEFF")) {
            n = n.substring(1);
        }
        n = n.replaceAll("\\s+", "").replaceAll("^\\*|\\*$", "");
        return n.toLowerCase(Locale.ROOT);
    }
}
