package com.tobacco.retailcrm.rating.integrity;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 分级监管 ({@code crm.rating.inspection.*}): how often a retailer of each grade is inspected — A fewer inspections,
 * D key supervision (docs/domain/rating.md) — and how often one not yet rated is.
 *
 * @param byGrade defaults A QUARTERLY, B MONTHLY, C BIWEEKLY, D WEEKLY (grades left out keep their default)
 * @param unrated default MONTHLY, as a B
 */
@ConfigurationProperties(prefix = "crm.rating.inspection")
record InspectionProperties(Map<Grade, InspectionFrequency> byGrade, InspectionFrequency unrated) {

    InspectionProperties {
        Map<Grade, InspectionFrequency> all = new EnumMap<>(Map.of(Grade.A, InspectionFrequency.QUARTERLY,
                Grade.B, InspectionFrequency.MONTHLY, Grade.C, InspectionFrequency.BIWEEKLY,
                Grade.D, InspectionFrequency.WEEKLY));
        if (byGrade != null) {
            all.putAll(byGrade);
        }
        byGrade = Map.copyOf(all);
        unrated = unrated == null ? InspectionFrequency.MONTHLY : unrated;
    }

    InspectionFrequency of(Grade grade) {
        return grade == null ? unrated : byGrade.get(grade);
    }
}
