package com.tobacco.retailcrm.service.supply;

import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.shared.web.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Requests and brands as the API and the pages show them: codes for machines, Chinese names and labels for people. */
@Component
class SupplyJson {

    private final UserDirectory users;
    private final Messages messages;
    private final ZoneId zone;

    SupplyJson(UserDirectory users, Messages messages, CrmProperties crm) {
        this.users = users;
        this.messages = messages;
        this.zone = crm.zone();
    }

    Map<String, Object> brand(Brand b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", b.code());
        m.put("name", b.name());
        m.put("supplyClass", b.supplyClass().name());
        m.put("supplyClassName", messages.text("supply.class." + b.supplyClass()));
        m.put("version", b.version());
        return m;
    }

    Map<String, Object> summary(EmergencySupplyService.Details d) {
        SupplyRequest r = d.request();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("number", r.number());
        m.put("status", r.status().name());
        m.put("statusName", messages.text("supply.status." + r.status()));
        m.put("approverRole", r.route().approverRole());
        m.put("approverRoleName", messages.text("supply.role." + r.route().approverRole()));
        m.put("waitingFor", d.waitingStep().map(EmergencySupplyService.Step::role).orElse(null));
        m.put("waitingForName", d.waitingStep().map(s -> messages.text("supply.role." + s.role())).orElse(null));
        m.put("waitingDueAt", d.waitingStep().map(s -> instant(s.dueAt())).orElse(null));
        m.put("waitingOverdue", d.waitingStep().map(EmergencySupplyService.Step::overdue).orElse(false));
        m.put("totalQty", r.totalQty());
        m.put("customerCode", r.customerCode());
        m.put("storeName", r.storeName());
        m.put("customerManager", r.customerManager());
        m.put("customerManagerName", name(r.customerManager()));
        m.put("reason", r.reason().name());
        m.put("reasonName", messages.text("supply.reason." + r.reason()));
        m.put("eventDate", r.eventDate().toString());
        m.put("special", r.special());
        m.put("note", r.note());
        m.put("requester", r.requester());
        m.put("requesterName", name(r.requester()));
        m.put("createdAt", instant(r.createdAt()));
        m.put("decidedAt", instant(r.decidedAt()));
        m.put("decidedBy", r.decidedBy());
        m.put("decidedByName", name(r.decidedBy()));
        m.put("supplyOn", r.supplyOn() == null ? null : r.supplyOn().toString());
        m.put("canDecide", d.myStep().isPresent());
        m.put("version", r.version());
        m.put("lines", r.lines().stream().map(l -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("brandCode", l.brandCode());
            line.put("brandName", l.brandName());
            line.put("supplyClass", l.supplyClass().name());
            line.put("qty", l.qty());
            return line;
        }).toList());
        return m;
    }

    Map<String, Object> details(EmergencySupplyService.Details d) {
        Map<String, Object> m = summary(d);
        List<Map<String, Object>> steps = d.steps().stream().map(s -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("key", s.key());
            step.put("name", s.name());
            step.put("role", s.role());
            step.put("roleName", messages.text("supply.role." + s.role()));
            step.put("state", s.waiting() ? "WAITING" : "DONE");
            step.put("actor", s.actor());
            step.put("actorName", name(s.actor()));
            step.put("action", s.action());
            step.put("actionName", s.action() == null ? null : messages.text("supply.action." + s.action()));
            step.put("comment", s.comment());
            step.put("createdAt", instant(s.createdAt()));
            step.put("dueAt", instant(s.dueAt()));
            step.put("completedAt", instant(s.completedAt()));
            step.put("overdue", s.overdue());
            return step;
        }).toList();
        m.put("steps", steps);
        return m;
    }

    String name(String username) {
        return username == null ? null : users.find(username).map(UserRef::displayName).orElse(username);
    }

    String instant(Instant i) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime().toString();
    }
}
