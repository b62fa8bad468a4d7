package com.tobacco.retailcrm.rating.integrity;

import java.time.Instant;

/** 申诉 — one appeal against a rating in notice, filed on the retailer's behalf and answered by a monopoly officer. */
record Appeal(long id, long ratingId, String reason, String filedBy, Instant filedAt, AppealDecision decision,
              String note, Grade newGrade, String answeredBy, Instant answeredAt) {

    boolean open() {
        return decision == null;
    }
}
