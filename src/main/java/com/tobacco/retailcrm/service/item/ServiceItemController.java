package com.tobacco.retailcrm.service.item;

import com.tobacco.retailcrm.shared.api.SentVersion;
import com.tobacco.retailcrm.shared.web.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 服务项目 over HTTP (docs/api.md "Service items and visits"): everyone in the business reads them; 市场部 and 客服部主任 edit. */
@RestController
@RequestMapping("/api/v1/service-items")
public class ServiceItemController {

    private static final SentVersion VERSION = new SentVersion("If-Match", "{service.error.version}");

    /** Every business role: staff read the standards they work to. */
    public static final String BUSINESS = "hasAnyRole('CUSTOMER_MANAGER', 'MARKET_MANAGER', 'COUNTY_HEAD', "
            + "'MARKET_DEPT', 'DISTRIBUTION_DEPT', 'SALES_DEPT', 'MONOPOLY_OFFICER', 'SERVICE_AGENT', 'LEADER', "
            + "'SERVICE_HEAD', 'MARKETING_DEPUTY')";
    static final String EDITORS = "hasAnyRole('MARKET_DEPT', 'SERVICE_HEAD')";

    private final ServiceItems items;
    private final Messages messages;

    ServiceItemController(ServiceItems items, Messages messages) {
        this.items = items;
        this.messages = messages;
    }

    record UpdateBody(String name, String standard, Long version) {
    }

    @GetMapping
    @PreAuthorize(BUSINESS)
    List<Map<String, Object>> list() {
        return items.all().stream().map(this::json).toList();
    }

    @GetMapping("/{code}")
    @PreAuthorize(BUSINESS)
    Map<String, Object> one(@PathVariable String code) {
        Map<String, Object> m = json(items.find(code)
                .orElseThrow(() -> new com.tobacco.retailcrm.shared.api.NotFoundException("service.item.error.notFound", code)));
        m.put("history", items.history(code));
        return m;
    }

    @PutMapping("/{code}")
    @PreAuthorize(EDITORS)
    Map<String, Object> update(@PathVariable String code, @RequestBody(required = false) UpdateBody body,
                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        UpdateBody b = body == null ? new UpdateBody(null, null, null) : body;
        return json(items.update(code, b.name(), b.standard(), VERSION.of(b.version(), ifMatch)));
    }

    Map<String, Object> json(ServiceItem item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", item.code());
        m.put("category", item.category());
        m.put("categoryName", messages.text("service.item.category." + item.category()));
        m.put("name", item.name());
        m.put("standard", item.standard());
        m.put("version", item.version());
        m.put("updatedBy", item.updatedBy());
        m.put("updatedAt", item.updatedAt());
        return m;
    }
}
