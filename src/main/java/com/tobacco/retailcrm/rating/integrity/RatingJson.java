package com.tobacco.retailcrm.rating.integrity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** A rating as the API shows it, with its appeals and the inspection frequency of the grade it stands at. */
record RatingJson(long id, String customerCode, String storeName, Long batchId, String proposedGrade, String grade,
                  String finalGrade, String basis, String state, String createdBy, OffsetDateTime createdAt,
                  OffsetDateTime noticeStart, OffsetDateTime noticeEndsAt, boolean inNotice, String publishedBy,
                  String finalizedBy, OffsetDateTime finalizedAt, long openAppeals, String inspectionFrequency,
                  List<AppealJson> appeals, long version) {

    record AppealJson(long id, String reason, String filedBy, OffsetDateTime filedAt, String decision, String note,
                      String newGrade, String answeredBy, OffsetDateTime answeredAt) {
    }

    static RatingJson of(IntegrityRating r, InspectionFrequency frequency, Instant now, ZoneId zone) {
        return new RatingJson(r.id(), r.customerCode(), r.storeName(), r.batchId(), r.proposedGrade().name(),
                r.grade().name(), r.state() == RatingState.FINAL ? r.grade().name() : null, r.basis(), r.state().name(),
                r.createdBy(), at(r.createdAt(), zone), at(r.noticeStart(), zone), at(r.noticeEndsAt(), zone),
                r.inNotice(now), r.publishedBy(), r.finalizedBy(), at(r.finalizedAt(), zone), r.openAppeals(),
                frequency.name(), r.appeals().stream().map(a -> new AppealJson(a.id(), a.reason(), a.filedBy(),
                        at(a.filedAt(), zone), a.decision() == null ? null : a.decision().name(), a.note(),
                        a.newGrade() == null ? null : a.newGrade().name(), a.answeredBy(), at(a.answeredAt(), zone)))
                        .toList(), r.version());
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
