package com.tobacco.retailcrm.maintenance.change;

import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.web.Messages;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field values of a request kept as text (as the archive accepts them and as people read them): numbers in plain
 * decimal notation (never through a double), booleans as {@code true/false}, null to clear a field.
 */
final class ChangeValues {

    private ChangeValues() {
    }

    /** The changes as text, naming every value that is not a scalar; empty or missing changes are a problem too. */
    static Map<String, String> normalise(Map<String, Object> raw, String field, List<FieldProblem> problems,
                                         Messages messages) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            problems.add(new FieldProblem(field, messages.text("change.error.noChanges")));
            return out;
        }
        raw.forEach((key, value) -> {
            if (value == null) {
                out.put(key, null);
            } else if (value instanceof String s) {
                out.put(key, s.strip().isEmpty() ? null : s.strip());
            } else if (value instanceof Number n) {
                out.put(key, new BigDecimal(n.toString()).toPlainString());
            } else if (value instanceof Boolean b) {
                out.put(key, b.toString());
            } else {
                problems.add(new FieldProblem(key, messages.text("change.error.scalar")));
            }
        });
        return out;
    }

    /** The current values of the fields as the requester sees them (sensitive ones masked), null when empty. */
    static Map<String, String> shown(CustomerRecord customer, Collection<String> keys) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : keys) {
            Object v = customer.get(key);
            out.put(key, v == null ? null : v instanceof BigDecimal d ? d.toPlainString() : v.toString());
        }
        return out;
    }
}
