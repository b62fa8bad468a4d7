package com.tobacco.retailcrm.complaint.service;

import com.tobacco.retailcrm.complaint.domain.CallbackLevel;
import com.tobacco.retailcrm.complaint.domain.Complaint;
import com.tobacco.retailcrm.complaint.domain.ComplaintAction;
import java.util.List;
import java.util.Set;

/** A complaint with its timeline, callbacks, the possible duplicates found for it and what the caller may do now. */
public record ComplaintDetails(Complaint complaint, List<TimelineEntry> timeline, List<CallbackRecord> callbacks,
                               List<Complaint> possibleDuplicates, Set<ComplaintAction> allowedActions,
                               List<CallbackLevel> missingCallbacks) {
}
