package com.tobacco.retailcrm.service.care;

import com.tobacco.retailcrm.service.item.ServiceItemController;
import com.tobacco.retailcrm.service.visit.VisitJson;
import com.tobacco.retailcrm.shared.web.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 亲情服务 over HTTP (docs/api.md "Care"): the caller's upcoming care occasions. */
@RestController
@RequestMapping("/api/v1/care")
class CareController {

    private final CareService care;
    private final VisitJson names;
    private final Messages messages;

    CareController(CareService care, VisitJson names, Messages messages) {
        this.care = care;
        this.names = names;
        this.messages = messages;
    }

    @GetMapping("/upcoming")
    @PreAuthorize(ServiceItemController.BUSINESS)
    Map<String, Object> upcoming(@RequestParam(required = false) Integer days) {
        return json(care.upcoming(days));
    }

    Map<String, Object> json(CareService.Upcoming u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", u.from());
        m.put("to", u.to());
        m.put("festivals", u.festivals());
        List<Map<String, Object>> items = u.items().stream().map(o -> {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("kind", o.kind().name());
            i.put("kindName", messages.text("care.kind." + o.kind()));
            i.put("date", o.date());
            i.put("customerCode", o.customerCode());
            i.put("storeName", o.storeName());
            i.put("manager", o.manager());
            i.put("managerName", names.name(o.manager()));
            i.put("vulnerableKind", o.vulnerableKind());
            i.put("vulnerableKindName", o.vulnerableKind() == null ? null : messages.text("care.vulnerable." + o.vulnerableKind()));
            i.put("lastCareVisit", o.lastCareVisit());
            i.put("years", o.years());
            return i;
        }).toList();
        m.put("items", items);
        return m;
    }
}
