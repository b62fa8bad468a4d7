package com.tobacco.retailcrm.service.suspension;

import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.shared.api.SentVersion;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 服务暂停 over HTTP (docs/api.md "Service suspension"). Admins hold none of these roles: 403. */
@RestController
class SuspensionController {

    private static final SentVersion VERSION = new SentVersion("If-Match", "{suspension.error.version}");

    static final String ANNOUNCERS = "hasAnyRole('DISTRIBUTION_DEPT', 'MARKET_DEPT')";
    static final String READERS = "hasAnyRole('CUSTOMER_MANAGER', 'MARKET_MANAGER', 'COUNTY_HEAD', 'MARKET_DEPT', "
            + "'DISTRIBUTION_DEPT', 'SALES_DEPT', 'SERVICE_HEAD', 'LEADER')";

    private final SuspensionService service;
    private final UserDirectory users;
    private final Messages messages;
    private final CrmProperties crm;

    SuspensionController(SuspensionService service, UserDirectory users, Messages messages, CrmProperties crm) {
        this.service = service;
        this.users = users;
        this.messages = messages;
        this.crm = crm;
    }

    record Scope(List<String> countyCodes, List<String> orgUnitCodes, List<String> deliveryRoutes) {
    }

    record AnnounceBody(String cause, Scope scope, String from, String to, List<String> services, String notice,
                        Boolean cashSettlement) {
    }

    record EndBody(String at, Long version) {
    }

    @PostMapping("/api/v1/service-suspensions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ANNOUNCERS)
    Map<String, Object> announce(@RequestBody AnnounceBody b) {
        Scope scope = b.scope() == null ? new Scope(null, null, null) : b.scope();
        Suspension s = service.announce(new SuspensionService.AnnounceCommand(b.cause(), scope.countyCodes(),
                scope.orgUnitCodes(), scope.deliveryRoutes(), b.from(), b.to(), b.services(), b.notice(),
                b.cashSettlement()));
        return json(s);
    }

    @GetMapping("/api/v1/service-suspensions")
    @PreAuthorize(READERS)
    List<Map<String, Object>> list() {
        return service.list().stream().map(this::json).toList();
    }

    @GetMapping("/api/v1/service-suspensions/{id}")
    @PreAuthorize(READERS)
    Map<String, Object> get(@PathVariable long id) {
        return json(service.get(id));
    }

    @GetMapping("/api/v1/service-suspensions/{id}/customers")
    @PreAuthorize(READERS)
    List<Map<String, Object>> customers(@PathVariable long id) {
        return service.customers(id).stream().map(this::customer).toList();
    }

    @PostMapping("/api/v1/service-suspensions/{id}/customers/{code}/notified")
    @PreAuthorize("hasAnyRole('CUSTOMER_MANAGER', 'MARKET_MANAGER', 'COUNTY_HEAD')")
    Map<String, Object> notified(@PathVariable long id, @PathVariable String code) {
        return customer(service.markNotified(id, code));
    }

    @PostMapping("/api/v1/service-suspensions/{id}/end")
    @PreAuthorize(ANNOUNCERS)
    Map<String, Object> end(@PathVariable long id, @RequestBody(required = false) EndBody b,
                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        EndBody body = b == null ? new EndBody(null, null) : b;
        return json(service.end(id, body.at(), VERSION.of(body.version(), ifMatch)));
    }

    Map<String, Object> json(Suspension s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("cause", s.cause().name());
        m.put("causeName", messages.text("suspension.cause." + s.cause()));
        m.put("scope", Map.of("countyCodes", s.countyCodes(), "orgUnitCodes", s.orgUnitCodes(),
                "deliveryRoutes", s.deliveryRoutes()));
        m.put("services", s.services().stream().map(Enum::name).toList());
        m.put("from", instant(s.from()));
        m.put("to", instant(s.to()));
        m.put("notice", s.notice());
        m.put("cashSettlement", s.cashSettlement());
        m.put("status", s.status().name());
        m.put("createdBy", s.createdBy());
        m.put("createdAt", instant(s.createdAt()));
        m.put("endedBy", s.endedBy());
        m.put("endedAt", instant(s.endedAt()));
        var customers = service.customers(s.id());
        m.put("affectedCustomers", customers.size());
        m.put("notifiedCustomers", customers.stream().filter(SuspensionStore.Affected::notified).count());
        m.put("version", s.version());
        return m;
    }

    Map<String, Object> customer(SuspensionStore.Affected a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerCode", a.customerCode());
        m.put("storeName", a.storeName());
        m.put("countyCode", a.countyCode());
        m.put("customerManager", a.customerManager());
        m.put("customerManagerName", a.customerManager() == null ? null
                : users.find(a.customerManager()).map(UserRef::displayName).orElse(a.customerManager()));
        m.put("keyCustomer", a.keyCustomer());
        m.put("notified", a.notified());
        m.put("notifiedAt", instant(a.notifiedAt()));
        return m;
    }

    private String instant(Instant i) {
        return i == null ? null : i.atZone(crm.zone()).toOffsetDateTime().toString();
    }
}
