package com.tobacco.retailcrm.complaint.domain;

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

    /** Who called and about whom, as the agent took it in (the customer's part may be unknown: null). */
    public record Intake(Channel channel, Category category, Priority priority, String customerCode,
                         String customerCountyCode, Long customerCountyId, String customerManager, String storeName,
                         String contactName, String contactPhone, String description, String accusedEmployee,
                         Long duplicateOf) {
    }

    /** 受理: a new complaint, RECEIVED now by its first-contact owner, due by the limits fixed at intake. */
    public static Complaint received(String number, Intake in, Instant receivedAt, Instant now, String firstContactOwner,
                                     Deadlines due) {
        return new Complaint(0, number, in.channel(), in.category(), in.priority(), ComplaintStatus.RECEIVED,
                in.customerCode(), in.customerCountyCode(), in.customerCountyId(), in.customerManager(),
                in.storeName(), in.contactName(), in.contactPhone(), in.description(), in.accusedEmployee(),
                receivedAt, now, firstContactOwner, null, null, due.firstResponse(), due.resolution(), null, null,
                null, null, null, null, null, 0, 0, 0, null, null, in.duplicateOf(), 0);
    }

    public Complaint withContactPhone(String phone) {
        return new Complaint(id, number, channel, category, priority, status, customerCode, customerCountyCode,
                customerCountyId, customerManager, storeName, contactName, phone, description, accusedEmployee,
                receivedAt, createdAt, firstContactOwner, assignee, assigneeOrgUnitId, dueFirstResponseAt,
                dueResolutionAt, firstResponseAt, resolvedAt, closedAt, reply, cause, pausedAt, pauseReason,
                pausedSeconds, callbackRound, reopenedCount, responseEscalatedAt, resolutionEscalatedAt, duplicateOf,
                version);
    }

    /**
     * The handling state after a step: the only part of a complaint that its actions change (intake data and the
     * escalation marks are written elsewhere).
     */
    private Complaint handled(ComplaintStatus status, String assignee, Long assigneeOrgUnitId, Deadlines due,
                              Instant firstResponseAt, Instant resolvedAt, Instant closedAt, String reply, String cause,
                              Instant pausedAt, String pauseReason, long pausedSeconds, int callbackRound,
                              int reopenedCount, Long duplicateOf) {
        return new Complaint(id, number, channel, category, priority, status, customerCode, customerCountyCode,
                customerCountyId, customerManager, storeName, contactName, contactPhone, description, accusedEmployee,
                receivedAt, createdAt, firstContactOwner, assignee, assigneeOrgUnitId, due.firstResponse(),
                due.resolution(), firstResponseAt, resolvedAt, closedAt, reply, cause, pausedAt, pauseReason,
                pausedSeconds, callbackRound, reopenedCount, responseEscalatedAt, resolutionEscalatedAt, duplicateOf,
                version);
    }

    /** 分派 / 转办 to a person of a unit. */
    public Complaint assignedTo(ComplaintStatus to, String user, Long orgUnitId) {
        return handled(to, user, orgUnitId, deadlines(), firstResponseAt, resolvedAt, closedAt, reply, cause, pausedAt,
                pauseReason, pausedSeconds, callbackRound, reopenedCount, duplicateOf);
    }

    /** 首次响应 given now. */
    public Complaint responded(ComplaintStatus to, Instant now) {
        return handled(to, assignee, assigneeOrgUnitId, deadlines(), now, resolvedAt, closedAt, reply, cause, pausedAt,
                pauseReason, pausedSeconds, callbackRound, reopenedCount, duplicateOf);
    }

    /** 暂停计时 from now, for the reason given. */
    public Complaint paused(ComplaintStatus to, Instant now, String reason) {
        return handled(to, assignee, assigneeOrgUnitId, deadlines(), firstResponseAt, resolvedAt, closedAt, reply,
                cause, now, reason, pausedSeconds, callbackRound, reopenedCount, duplicateOf);
    }

    /** 恢复计时: the due times move by the paused span, which is added to the paused total. */
    public Complaint resumed(ComplaintStatus to, Instant now) {
        long seconds = Duration.between(pausedAt, now).toSeconds();
        return handled(to, assignee, assigneeOrgUnitId, deadlines().resumedAfter(pausedAt, now), firstResponseAt,
                resolvedAt, closedAt, reply, cause, null, null, pausedSeconds + seconds, callbackRound, reopenedCount,
                duplicateOf);
    }

    /** 办结 with the written reply; the cause found, when given, replaces an earlier one. */
    public Complaint resolved(ComplaintStatus to, Instant now, String reply, String causeFound) {
        return handled(to, assignee, assigneeOrgUnitId, deadlines(), firstResponseAt, now, closedAt, reply,
                causeFound == null ? cause : causeFound, pausedAt, pauseReason, pausedSeconds, callbackRound,
                reopenedCount, duplicateOf);
    }

    /** 回访 accepted: only the status moves. */
    public Complaint calledBack(ComplaintStatus to) {
        return handled(to, assignee, assigneeOrgUnitId, deadlines(), firstResponseAt, resolvedAt, closedAt, reply,
                cause, pausedAt, pauseReason, pausedSeconds, callbackRound, reopenedCount, duplicateOf);
    }

    /** 回访 unsatisfied: reopened in a new round, whose resolution needs fresh callbacks. */
    public Complaint reopened(ComplaintStatus to) {
        return handled(to, assignee, assigneeOrgUnitId, deadlines(), firstResponseAt, null, closedAt, reply, cause,
                pausedAt, pauseReason, pausedSeconds, callbackRound + 1, reopenedCount + 1, duplicateOf);
    }

    /** 结案 now. */
    public Complaint closed(ComplaintStatus to, Instant now) {
        return handled(to, assignee, assigneeOrgUnitId, deadlines(), firstResponseAt, resolvedAt, now, reply, cause,
                pausedAt, pauseReason, pausedSeconds, callbackRound, reopenedCount, duplicateOf);
    }

    /** 关联重复投诉: a repeat of the earlier complaint; the status stays. */
    public Complaint linkedTo(long earlier) {
        return handled(status, assignee, assigneeOrgUnitId, deadlines(), firstResponseAt, resolvedAt, closedAt, reply,
                cause, pausedAt, pauseReason, pausedSeconds, callbackRound, reopenedCount, earlier);
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
