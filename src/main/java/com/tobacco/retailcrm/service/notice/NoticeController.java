package com.tobacco.retailcrm.service.notice;

import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.shared.web.Messages;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 信息互通 over HTTP (docs/api.md "Information push"). The market and sales departments publish; the retailer channel
 * sends reading receipts with an account of one of those departments, as the distribution system sends its daily
 * orders with a distribution-department account. Admins hold none of these roles: 403.
 */
@RestController
class NoticeController {

    static final String PUBLISHERS = "hasAnyRole('MARKET_DEPT', 'SALES_DEPT')";
    static final String READERS = "hasAnyRole('CUSTOMER_MANAGER', 'MARKET_MANAGER', 'COUNTY_HEAD', 'MARKET_DEPT', "
            + "'DISTRIBUTION_DEPT', 'SALES_DEPT', 'SERVICE_HEAD', 'LEADER')";

    private final NoticeService service;
    private final UserDirectory users;
    private final Messages messages;
    private final CrmProperties crm;

    NoticeController(NoticeService service, UserDirectory users, Messages messages, CrmProperties crm) {
        this.service = service;
        this.users = users;
        this.messages = messages;
        this.crm = crm;
    }

    record AudienceBody(List<String> countyCodes, List<String> retailFormats, List<String> customerClasses) {

        Notice.Audience toAudience() {
            return new Notice.Audience(clean(countyCodes), clean(retailFormats), clean(customerClasses));
        }
    }

    record PublishBody(String kind, String title, String body, AudienceBody audience, String publishAt) {
    }

    record ReceiptBody(String customerCode, String readAt) {
    }

    @PostMapping("/api/v1/notices")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(PUBLISHERS)
    Map<String, Object> publish(@RequestBody(required = false) PublishBody b) {
        if (b == null) {
            throw new InvalidInputException("body", "{notice.error.required}");
        }
        return json(service.publish(new NoticeService.PublishCommand(b.kind(), b.title(), b.body(),
                b.audience() == null ? null : b.audience().toAudience(), b.publishAt())));
    }

    /** How many ACTIVE customers an audience reaches now, before publishing. */
    @PostMapping("/api/v1/notices/recipient-count")
    @PreAuthorize(PUBLISHERS)
    Map<String, Object> count(@RequestBody(required = false) AudienceBody b) {
        var audience = (b == null ? new AudienceBody(null, null, null) : b).toAudience();
        return Map.of("recipients", service.count(audience));
    }

    /** Every notice (newest first), or with {@code customerCode} what that customer was sent, with its reading. */
    @GetMapping("/api/v1/notices")
    @PreAuthorize(READERS)
    List<Map<String, Object>> list(@RequestParam(required = false) String customerCode,
                                   @RequestParam(required = false) String kind) {
        Notice.Kind k = kind(kind);
        if (customerCode == null || customerCode.isBlank()) {
            return service.list(k).stream().map(this::json).toList();
        }
        String code = customerCode.trim();
        return service.sentTo(code, k).stream().map(n -> {
            Map<String, Object> m = json(n);
            service.recipient(n.id(), code).ifPresent(r -> m.put("readAt", instant(r.readAt())));
            return m;
        }).toList();
    }

    @GetMapping("/api/v1/notices/{id}")
    @PreAuthorize(READERS)
    Map<String, Object> get(@PathVariable long id) {
        Map<String, Object> m = json(service.get(id));
        Map<String, Object> delivery = new LinkedHashMap<>();
        long read = 0;
        for (Object[] row : service.deliveryCounts(id)) {
            delivery.put((String) row[0], row[1]);
            read += (long) row[2];
        }
        m.put("delivery", delivery);
        m.put("read", read);
        return m;
    }

    @GetMapping("/api/v1/notices/{id}/recipients")
    @PreAuthorize(READERS)
    List<Map<String, Object>> recipients(@PathVariable long id) {
        return service.recipients(id, 10_000).stream().map(this::recipient).toList();
    }

    /** 阅读回执 from the retailer channel; idempotent (the first reading stays). */
    @PostMapping("/api/v1/notices/{id}/receipts")
    @PreAuthorize(PUBLISHERS)
    Map<String, Object> receipt(@PathVariable long id, @RequestBody(required = false) ReceiptBody b) {
        ReceiptBody body = b == null ? new ReceiptBody(null, null) : b;
        return recipient(service.receipt(id, body.customerCode(), body.readAt()));
    }

    Map<String, Object> json(Notice n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("kind", n.kind().name());
        m.put("kindName", messages.text("notice.kind." + n.kind()));
        m.put("title", n.title());
        m.put("body", n.body());
        m.put("audience", Map.of("countyCodes", n.audience().countyCodes(), "retailFormats",
                n.audience().retailFormats(), "customerClasses", n.audience().customerClasses()));
        m.put("publishAt", instant(n.publishAt()));
        m.put("status", n.status().name());
        m.put("publishedAt", instant(n.publishedAt()));
        m.put("week", n.week(crm.zone()));
        m.put("recipients", n.recipientCount());
        m.put("createdBy", n.createdBy());
        m.put("createdByName", name(n.createdBy()));
        m.put("createdAt", instant(n.createdAt()));
        m.put("version", n.version());
        return m;
    }

    Map<String, Object> recipient(NoticeStore.Recipient r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("noticeId", r.noticeId());
        m.put("customerCode", r.customerCode());
        m.put("storeName", r.storeName());
        m.put("customerManager", r.customerManager());
        m.put("customerManagerName", name(r.customerManager()));
        m.put("delivery", r.deliveryStatus());
        m.put("deliveredAt", instant(r.deliveredAt()));
        m.put("readAt", instant(r.readAt()));
        return m;
    }

    private String name(String username) {
        return username == null ? null : users.find(username).map(UserRef::displayName).orElse(username);
    }

    String instant(Instant i) {
        return i == null ? null : i.atZone(crm.zone()).toOffsetDateTime().toString();
    }

    static Notice.Kind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Notice.Kind.parse(text).orElseThrow(() -> new InvalidInputException("kind", "{notice.error.kind}"));
    }

    static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim)
                .distinct().toList();
    }
}
