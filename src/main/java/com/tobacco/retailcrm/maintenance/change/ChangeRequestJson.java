package com.tobacco.retailcrm.maintenance.change;

import com.tobacco.retailcrm.customer.api.SensitiveValues;
import com.tobacco.retailcrm.shared.web.Messages;
import com.tobacco.retailcrm.maintenance.change.ChangeRequest.Case;
import com.tobacco.retailcrm.maintenance.change.ChangeRequest.Step;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A change request as the API and pages show it: the case, old → new per field, its steps with due times, rows and
 * notices. New values of sensitive fields are masked for everyone but whoever may now act on the step that applies
 * them (the market department at 维护, the approver of a bulk file), who must type them into nothing but see them.
 */
@Component
public class ChangeRequestJson {

    private final Messages messages;
    private final ChangeRequestService service;
    private final StepAssignment assignment;
    private final Clock clock;
    private final ZoneId zone;
    private final com.tobacco.retailcrm.customer.api.CustomerFields fields;

    private final SensitiveValues sensitive;

    ChangeRequestJson(Messages messages, ChangeRequestService service, StepAssignment assignment, Clock clock,
                      com.tobacco.retailcrm.calendar.api.WorkingCalendar calendar,
                      com.tobacco.retailcrm.customer.api.CustomerFields fields, SensitiveValues sensitive) {
        this.sensitive = sensitive;
        this.fields = fields;
        this.messages = messages;
        this.service = service;
        this.assignment = assignment;
        this.clock = clock;
        this.zone = calendar.zone();
    }

    public Map<String, Object> of(Case c) {
        ChangeRequest r = c.request();
        Instant now = clock.instant();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("type", r.type().name());
        out.put("typeName", messages.text("change.type." + r.type().name()));
        out.put("status", r.status().name());
        out.put("statusName", messages.text("change.status." + r.status().name()));
        out.put("customerCode", r.customerCode());
        out.put("countyName", assignment.countyName(r.countyId()).orElse(null));
        out.put("requester", r.requester());
        out.put("requesterName", r.requesterName());
        out.put("reason", r.reason());
        out.put("createdAt", time(r.createdAt()));
        out.put("closedAt", time(r.closedAt()));
        out.put("outcome", r.outcome());
        out.put("fileName", r.fileName());
        boolean clear = appliesNow(c);
        out.put("changes", changes(r.changes(), r.oldValues(), clear));
        List<Map<String, Object>> steps = c.steps().stream().map(s -> step(s, now)).toList();
        out.put("steps", steps);
        out.put("currentSteps", steps.stream().filter(s -> "OPEN".equals(s.get("status"))).toList());
        out.put("overdue", c.openSteps().stream().anyMatch(s -> s.overdue(now)));
        if (r.type() == ChangeType.BULK) {
            out.put("rows", c.rows().stream().map(row -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("row", row.rowNo());
                m.put("customerCode", row.customerCode());
                m.put("changes", changes(row.changes(), row.oldValues(), clear));
                m.put("result", row.result());
                m.put("message", row.message());
                return m;
            }).toList());
        }
        out.put("notices", c.notices().stream().map(n -> Map.of("recipient", n.recipient(), "message", n.message(),
                "createdBy", n.createdBy(), "createdAt", time(n.createdAt()))).toList());
        out.put("version", r.version());
        return out;
    }

    /** Whether the signed-in user may now act on the step that writes the values to the archive. */
    private static boolean appliesNow(Case c) {
        return c.openSteps().stream()
                .filter(s -> s.key().kind() == StepKey.Kind.APPLY || s.key().kind() == StepKey.Kind.APPROVE_AND_APPLY)
                .anyMatch(s -> c.mine().contains(s.id()));
    }

    private List<Map<String, Object>> changes(Map<String, String> changes, Map<String, String> old, boolean clear) {
        List<Map<String, Object>> list = new ArrayList<>();
        changes.forEach((field, requested) -> {
            String value = clear ? requested : sensitive.masked(field, requested);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", field);
            m.put("label", service.label(field));
            m.put("oldValue", old.get(field));
            m.put("newValue", value);
            m.put("oldText", text(field, old.get(field)));
            m.put("newText", text(field, value));
            list.add(m);
        });
        return list;
    }

    /** A value as people read it: an enum code with its name (e.g. {@code 3 超市}), "—" for none. */
    private String text(String field, String value) {
        if (value == null) {
            return "—";
        }
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return fields.find(field).flatMap(f -> f.option(value)).map(o -> value + " " + o.label(locale)).orElse(value);
    }

    private Map<String, Object> step(Step s, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("seq", s.seq());
        m.put("step", s.key().name());
        m.put("name", messages.text("change.step." + s.key().name()));
        m.put("assignee", s.assignee());
        m.put("assigneeName", assignment.displayName(s.assignee()).orElse(null));
        m.put("candidateRole", s.candidateRole());
        m.put("candidateRoleName", s.candidateRole() == null ? null : messages.text("role." + s.candidateRole()));
        m.put("countyName", assignment.countyName(s.candidateUnit()).orElse(null));
        m.put("createdAt", time(s.createdAt()));
        m.put("dueAt", time(s.dueAt()));
        m.put("overdue", s.overdue(now));
        m.put("status", s.status());
        m.put("actions", s.open() ? s.key().kind().actions() : List.of());
        m.put("action", s.action());
        m.put("comment", s.comment());
        m.put("completedBy", s.completedBy());
        m.put("completedByName", assignment.displayName(s.completedBy()).orElse(s.completedBy()));
        m.put("completedAt", time(s.completedAt()));
        return m;
    }

    OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
