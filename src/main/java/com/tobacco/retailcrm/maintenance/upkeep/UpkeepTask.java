package com.tobacco.retailcrm.maintenance.upkeep;

import java.time.Instant;

/** One scheduled upkeep task: for a named person ({@code assignee}) or a role, unique per kind, subject and period. */
public record UpkeepTask(long id, UpkeepKind kind, String subject, String period, String customerCode,
                         String assignee, String candidateRole, String detail, Instant createdAt, Instant dueAt,
                         String completedBy, Instant completedAt, String comment) {

    public boolean overdue(Instant now) {
        return completedAt == null ? now.isAfter(dueAt) : completedAt.isAfter(dueAt);
    }
}
