package com.tobacco.retailcrm.complaint.service;

import com.tobacco.retailcrm.complaint.domain.CallbackLevel;
import com.tobacco.retailcrm.complaint.domain.Satisfaction;
import java.time.Instant;

/** 回访记录 — one callback of a round (a round ends when an unsatisfied callback reopens the complaint). */
public record CallbackRecord(long id, int round, CallbackLevel level, Satisfaction satisfaction, String note,
                             String actor, Instant at) {
}
