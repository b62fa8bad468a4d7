package com.tobacco.retailcrm.maintenance.upkeep;

import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.workflow.api.TaskOutcome;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * An upkeep task in the API's words (docs/api.md, upkeep): the kind's name in the reader's language, times with the
 * company's offset. The upkeep endpoints list and answer it, and so does completing an {@code UP-} item from the to-do
 * list. The components' order is the JSON's.
 */
record UpkeepTaskJson(long id, String kind, String name, String subject, String period, String customerCode,
                      String assignee, String candidateRole, String detail, OffsetDateTime createdAt,
                      OffsetDateTime dueAt, boolean overdue, String completedBy, OffsetDateTime completedAt,
                      String comment) implements TaskOutcome {

    static UpkeepTaskJson of(UpkeepTask t, Instant now, Messages messages, ZoneId zone) {
        return new UpkeepTaskJson(t.id(), t.kind().name(), messages.text("upkeep.kind." + t.kind().name()),
                t.subject(), t.period(), t.customerCode(), t.assignee(), t.candidateRole(), t.detail(),
                time(t.createdAt(), zone), time(t.dueAt(), zone), t.overdue(now), t.completedBy(),
                time(t.completedAt(), zone), t.comment());
    }

    private static OffsetDateTime time(Instant i, ZoneId zone) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }
}
