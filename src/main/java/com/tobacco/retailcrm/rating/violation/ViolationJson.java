package com.tobacco.retailcrm.rating.violation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A violation as the API shows it (instants with the company's offset). */
record ViolationJson(long id, String customerCode, LocalDate occurredOn, String type, String description,
                     boolean corrected, LocalDate correctedOn, String recordedBy, OffsetDateTime recordedAt,
                     long version) {

    static ViolationJson of(Violation v, ZoneId zone) {
        return new ViolationJson(v.id(), v.customerCode(), v.occurredOn(), v.type().name(), v.description(),
                v.corrected(), v.correctedOn(), v.recordedBy(), v.recordedAt().atZone(zone).toOffsetDateTime(),
                v.version());
    }
}
