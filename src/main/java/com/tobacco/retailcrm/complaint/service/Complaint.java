package com.tobacco.retailcrm.complaint.service;

import com.tobacco.retailcrm.complaint.domain.Category;
import com.tobacco.retailcrm.complaint.domain.Channel;
import com.tobacco.retailcrm.complaint.domain.ComplaintStatus;
import com.tobacco.retailcrm.complaint.domain.Deadlines;
import com.tobacco.retailcrm.complaint.domain.Priority;
import java.time.Duration;
import java.time.Instant;

/**
 * 投诉 — one complaint as stored.
 *
 * @param firstContactOwner 首问负责人: who took it; stays responsible and is told of every step
 * @param accusedEmployee   for a staff-conduct complaint, the employee complained about (never its handler or reader)
 * @param pausedAt          set while PAUSED: the clock stands still from then
 * @param callbackRound     counts resolutions; only callbacks of the current round decide the closing
 */
public record Complaint(long id, String number, Channel channel, Category category, Priority priority,
                        ComplaintStatus status, String customerCode, String customerCountyCode, Long customerCountyId,
                        String customerManager, String storeName, String contactName, String contactPhone,
                        String description, String accusedEmployee, Instant receivedAt, Instant createdAt,
                        String firstContactOwner, String assignee, Long assigneeOrgUnitId, Instant dueFirstResponseAt,
                        Instant dueResolutionAt, Instant firstResponseAt, Instant resolvedAt, Instant closedAt,
                        String reply, String cause, Instant pausedAt, String pauseReason, long pausedSeconds,
                        int callbackRound, int reopenedCount, Instant responseEscalatedAt,
                        Instant resolutionEscalatedAt, Long duplicateOf, long version) {

    /**
     * The caller's phone is personal data like the archive's phones: sealed at rest and masked under the dictionary's
     * mobile-phone field, so it is encrypted and masked exactly as the archive does.
     */
    public static final String CONTACT_PHONE_FIELD = "mobilePhone";

    Complaint withContactPhone(String phone) {
        return new Complaint(id, number, channel, category, priority, status, customerCode, customerCountyCode,
                customerCountyId, customerManager, storeName, contactName, phone, description, accusedEmployee,
                receivedAt, createdAt, firstContactOwner, assignee, assigneeOrgUnitId, dueFirstResponseAt,
                dueResolutionAt, firstResponseAt, resolvedAt, closedAt, reply, cause, pausedAt, pauseReason,
                pausedSeconds, callbackRound, reopenedCount, responseEscalatedAt, resolutionEscalatedAt, duplicateOf,
                version);
    }

    public Deadlines deadlines() {
        return new Deadlines(dueFirstResponseAt, dueResolutionAt);
    }

    /** While paused the clock stands at the pause: a paused complaint does not become late. */
    private Instant clockAt(Instant now) {
        return pausedAt != null ? pausedAt : now;
    }

    public boolean firstResponseOverdue(Instant now) {
        return status.open() && firstResponseAt == null && clockAt(now).isAfter(dueFirstResponseAt);
    }

    public boolean resolutionOverdue(Instant now) {
        return status.open() && clockAt(now).isAfter(dueResolutionAt);
    }

    public boolean overdue(Instant now) {
        return firstResponseOverdue(now) || resolutionOverdue(now);
    }

    /** The next due time that still matters: the first response until given, then the resolution; null when answered. */
    public Instant nextDue() {
        if (!status.open()) {
            return null;
        }
        return firstResponseAt == null ? dueFirstResponseAt : dueResolutionAt;
    }

    /** Time left to {@link #nextDue()} (negative when late), frozen while paused. */
    public Duration remaining(Instant now) {
        Instant due = nextDue();
        return due == null ? null : Duration.between(clockAt(now), due);
    }
}
