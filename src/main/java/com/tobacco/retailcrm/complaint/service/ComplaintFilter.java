package com.tobacco.retailcrm.complaint.service;

import com.tobacco.retailcrm.complaint.domain.Category;
import com.tobacco.retailcrm.complaint.domain.ComplaintStatus;
import java.time.Instant;

/** The complaint list's filters; null means any. */
public record ComplaintFilter(ComplaintStatus status, Category category, Boolean overdue, Instant from, Instant to,
                              Boolean mine) {

    public static final ComplaintFilter ANY = new ComplaintFilter(null, null, null, null, null, null);
}
