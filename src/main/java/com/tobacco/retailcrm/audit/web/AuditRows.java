package com.tobacco.retailcrm.audit.web;

import com.tobacco.retailcrm.audit.domain.AuditEventView;
import com.tobacco.retailcrm.shared.api.CustomerNames;
import com.tobacco.retailcrm.shared.api.PersonNames;
import com.tobacco.retailcrm.shared.web.Messages;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The audit log as people read it: the action's Chinese name, the actor's name (the username kept beside it), and
 * the object in words — 客户 430100000001 · 张三烟酒店, 用户 张三（zhangsan）, 归类运行 12. Names are looked up once
 * per page or file chunk.
 */
@Component
class AuditRows {

    /** One event, readable. */
    record AuditRow(AuditEventView event, String actorName, String actionName, String objectText, String outcomeName) {
    }

    private static final Map<String, String> CODED_IDS = Map.of("ROLE", "role.", "UPKEEP_JOB", "upkeep.kind.");

    private final PersonNames people;
    private final CustomerNames customers;
    private final Messages messages;

    AuditRows(PersonNames people, CustomerNames customers, Messages messages) {
        this.people = people;
        this.customers = customers;
        this.messages = messages;
    }

    List<AuditRow> of(List<AuditEventView> events) {
        Set<String> usernames = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (AuditEventView e : events) {
            if (e.actor() != null) {
                usernames.add(e.actor());
            }
            if ("USER".equals(e.targetType()) && e.targetId() != null) {
                usernames.add(e.targetId());
            }
            if (e.customerCode() != null) {
                codes.add(e.customerCode());
            }
        }
        Map<String, String> names = people.displayNames(usernames);
        Map<String, String> stores = customers.storeNames(codes);
        return events.stream().map(e -> new AuditRow(e, actorName(e.actor(), names), actionName(e.action()),
                objectText(e, names, stores), messages.text("ui.audit.outcome." + e.outcome()))).toList();
    }

    String actionName(String action) {
        return messages.text("audit.action." + action);
    }

    private String actorName(String actor, Map<String, String> names) {
        if (actor == null) {
            return messages.text("audit.actor.anonymous");
        }
        if (actor.equals("system")) {
            return messages.text("audit.actor.system");
        }
        return names.getOrDefault(actor, actor);
    }

    /** Ids that are codes (a role, an upkeep job) by their names. */
    private String idText(AuditEventView e) {
        String prefix = CODED_IDS.get(e.targetType());
        return prefix == null ? e.targetId() : messages.text(prefix + e.targetId());
    }

    private String objectText(AuditEventView e, Map<String, String> names, Map<String, String> stores) {
        String customer = e.customerCode() == null ? null : messages.text("audit.object.customer", e.customerCode(),
                stores.getOrDefault(e.customerCode(), "—"));
        if ("CUSTOMER".equals(e.targetType()) && customer != null) {
            return customer;
        }
        String target;
        if (e.targetType() == null) {
            target = "";
        } else if ("USER".equals(e.targetType()) && e.targetId() != null) {
            target = messages.text("audit.object.user", names.getOrDefault(e.targetId(), e.targetId()), e.targetId());
        } else {
            target = messages.text("audit.target." + e.targetType()) + (e.targetId() == null ? "" : " " + idText(e));
        }
        return customer == null ? target : target + " · " + customer;
    }
}
