package com.tobacco.retailcrm.complaint.web;

import com.tobacco.retailcrm.complaint.domain.Complaint;
import com.tobacco.retailcrm.complaint.service.CallbackRecord;
import com.tobacco.retailcrm.complaint.service.ComplaintDetails;
import com.tobacco.retailcrm.complaint.service.ComplaintListing;
import com.tobacco.retailcrm.complaint.service.TimelineEntry;
import com.tobacco.retailcrm.customer.api.SensitiveValues;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.shared.web.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A complaint as the API and the pages show it. The contact phone is masked in lists (138****5678, as the archive
 * masks phones) and shown in clear only on a complaint's own page, to the people who may see that complaint and need
 * to call the customer back.
 */
@Component
class ComplaintJson {

    private final ComplaintListing service;
    private final SensitiveValues sensitive;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;

    ComplaintJson(ComplaintListing service, Messages messages, Clock clock, CrmProperties crm,
                  SensitiveValues sensitive) {
        this.service = service;
        this.sensitive = sensitive;
        this.messages = messages;
        this.clock = clock;
        this.zone = crm.zone();
    }

    Map<String, Object> summary(Complaint c) {
        Instant now = clock.instant();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("number", c.number());
        named(m, "status", "complaint.status", c.status());
        named(m, "channel", "complaint.channel", c.channel());
        named(m, "category", "complaint.category", c.category());
        named(m, "priority", "complaint.priority", c.priority());
        m.put("customerCode", c.customerCode());
        m.put("storeName", c.storeName());
        m.put("contactName", c.contactName());
        m.put("contactPhone", sensitive.masked(Complaint.CONTACT_PHONE_FIELD, c.contactPhone()));
        m.put("receivedAt", time(c.receivedAt()));
        m.put("firstContactOwner", c.firstContactOwner());
        m.put("firstContactOwnerName", service.displayName(c.firstContactOwner()));
        m.put("assignee", c.assignee());
        m.put("assigneeName", service.displayName(c.assignee()));
        m.put("dueFirstResponseAt", time(c.dueFirstResponseAt()));
        m.put("dueResolutionAt", time(c.dueResolutionAt()));
        m.put("firstResponseAt", time(c.firstResponseAt()));
        m.put("resolvedAt", time(c.resolvedAt()));
        m.put("closedAt", time(c.closedAt()));
        m.put("nextDueAt", time(c.nextDue()));
        Duration left = c.remaining(now);
        m.put("remainingMinutes", left == null ? null : left.toMinutes());
        m.put("paused", c.pausedAt() != null);
        m.put("overdue", c.overdue(now));
        m.put("firstResponseOverdue", c.firstResponseOverdue(now));
        m.put("resolutionOverdue", c.resolutionOverdue(now));
        m.put("reopenedCount", c.reopenedCount());
        m.put("version", c.version());
        return m;
    }

    Map<String, Object> details(ComplaintDetails d) {
        Complaint c = d.complaint();
        Map<String, Object> m = summary(c);
        m.put("contactPhone", c.contactPhone());
        m.put("description", c.description());
        m.put("accusedEmployee", c.accusedEmployee());
        m.put("accusedEmployeeName", service.displayName(c.accusedEmployee()));
        m.put("assigneeOrgUnit", service.orgUnitName(c.assigneeOrgUnitId()).orElse(null));
        m.put("createdAt", time(c.createdAt()));
        m.put("reply", c.reply());
        m.put("cause", c.cause());
        m.put("pausedAt", time(c.pausedAt()));
        m.put("pauseReason", c.pauseReason());
        m.put("pausedMinutes", c.pausedSeconds() / 60);
        m.put("duplicateOf", c.duplicateOf());
        m.put("requiredCallbacks", service.requiredCallbacks(c.priority()).stream().map(Enum::name).toList());
        m.put("missingCallbacks", d.missingCallbacks().stream().map(Enum::name).toList());
        m.put("allowedActions", d.allowedActions().stream().map(Enum::name).toList());
        m.put("possibleDuplicates", d.possibleDuplicates().stream().map(this::duplicate).toList());
        m.put("callbacks", d.callbacks().stream().map(this::callback).toList());
        m.put("timeline", d.timeline().stream().map(this::entry).toList());
        return m;
    }

    /** The 201 of an intake: docs/api.md's fields first, then the rest of the complaint. */
    Map<String, Object> created(ComplaintDetails d) {
        return details(d);
    }

    Map<String, Object> duplicate(Complaint c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("number", c.number());
        named(m, "status", "complaint.status", c.status());
        m.put("receivedAt", time(c.receivedAt()));
        m.put("description", c.description());
        return m;
    }

    private Map<String, Object> callback(CallbackRecord b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("round", b.round());
        named(m, "level", "complaint.level", b.level());
        named(m, "satisfaction", "complaint.satisfaction", b.satisfaction());
        m.put("note", b.note());
        m.put("by", b.actor());
        m.put("byName", service.displayName(b.actor()));
        m.put("at", time(b.at()));
        return m;
    }

    private Map<String, Object> entry(TimelineEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", time(e.at()));
        m.put("by", e.actor());
        m.put("byName", "system".equals(e.actor()) ? messages.text("complaint.page.system") : service.displayName(e.actor()));
        named(m, "action", "complaint.action", e.action());
        m.put("fromStatus", e.from() == null ? null : e.from().name());
        m.put("toStatus", e.to() == null ? null : e.to().name());
        m.put("fromStatusName", e.from() == null ? null : messages.text("complaint.status." + e.from().name()));
        m.put("toStatusName", e.to() == null ? null : messages.text("complaint.status." + e.to().name()));
        m.put("message", e.message());
        m.put("messageText", readable(e.message()));
        return m;
    }

    /** A callback's note as people read it: its "[CALL_CENTRE/SATISFIED]" prefix by the level's and result's names. */
    private String readable(String message) {
        java.util.regex.Matcher m = CALLBACK_PREFIX.matcher(message == null ? "" : message);
        if (!m.find()) {
            return message;
        }
        return "【" + messages.text("complaint.level." + m.group(1)) + " · "
                + messages.text("complaint.satisfaction." + m.group(2)) + "】" + message.substring(m.end());
    }

    private static final java.util.regex.Pattern CALLBACK_PREFIX =
            java.util.regex.Pattern.compile("^\\[([A-Z_]+)/([A-Z_]+)\\]");

    /** A coded value as the API shows it: its code under {@code field}, its text under {@code field + "Name"}. */
    private void named(Map<String, Object> m, String field, String messagePrefix, Enum<?> value) {
        m.put(field, value.name());
        m.put(field + "Name", messages.text(messagePrefix + "." + value.name()));
    }

    OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

}
