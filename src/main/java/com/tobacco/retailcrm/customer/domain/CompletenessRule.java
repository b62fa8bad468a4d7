package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.customer.api.Completeness;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.api.RequiredLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * 完整率 — filled required fields / required fields per level, counting only the fields people maintain (SYSTEM
 * fields are excluded). Rounded down so that 1.00 means really complete.
 */
public final class CompletenessRule {

    private CompletenessRule() {
    }

    public record Result(Completeness completeness, List<String> missingFields) {
        public boolean complete() {
            return missingFields.isEmpty();
        }
    }

    /** Required fields that count towards completeness: not SYSTEM, level NATIONAL or PROVINCIAL. */
    public static List<FieldDefinition> counted(Collection<FieldDefinition> fields) {
        return fields.stream().filter(f -> !f.system() && f.requiredLevel() != RequiredLevel.OPTIONAL).toList();
    }

    public static Result of(Collection<FieldDefinition> fields, Map<String, Object> values) {
        int[] required = new int[2];
        int[] filled = new int[2];
        List<String> missing = new ArrayList<>();
        for (FieldDefinition f : counted(fields)) {
            int level = f.requiredLevel() == RequiredLevel.NATIONAL ? 0 : 1;
            required[level]++;
            if (values.get(f.key()) != null) {
                filled[level]++;
            } else {
                missing.add(f.key());
            }
        }
        return new Result(new Completeness(fraction(filled[0], required[0]), fraction(filled[1], required[1]),
                fraction(filled[0] + filled[1], required[0] + required[1])), List.copyOf(missing));
    }

    private static BigDecimal fraction(int filled, int required) {
        return required == 0 ? BigDecimal.ONE.setScale(2)
                : BigDecimal.valueOf(filled).divide(BigDecimal.valueOf(required), 2, RoundingMode.DOWN);
    }
}
