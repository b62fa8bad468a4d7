package com.tobacco.retailcrm.complaint.domain;

/** 投诉状态 — where a complaint stands (docs/domain/complaint.md). */
public enum ComplaintStatus {
    RECEIVED, ASSIGNED, IN_PROGRESS, PAUSED, RESOLVED, CALLED_BACK, CLOSED;

    /** Whether the time limits still run for it (it is neither answered in writing nor closed). */
    public boolean open() {
        return this == RECEIVED || this == ASSIGNED || this == IN_PROGRESS || this == PAUSED;
    }
}
