package com.tobacco.retailcrm.complaint.service;

import com.tobacco.retailcrm.complaint.domain.ComplaintAction;
import com.tobacco.retailcrm.complaint.domain.ComplaintStatus;
import java.time.Instant;

/** 处理记录 — one step on a complaint's timeline: who, when, from which status to which, and what they wrote. */
public record TimelineEntry(long id, long complaintId, Instant at, String actor, ComplaintAction action,
                            ComplaintStatus from, ComplaintStatus to, String message) {
}
