package com.tobacco.retailcrm.service.supply;

import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.api.SentVersion;
import com.tobacco.retailcrm.workflow.api.TaskAction;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 应急货源 over HTTP (docs/api.md "Emergency supply"): brands, the approval threshold, requests and their decisions. Admins
 * hold none of these roles, so they get 403 on all of it.
 */
@RestController
class EmergencySupplyController {

    private static final SentVersion VERSION = new SentVersion("If-Match", "{supply.error.version}");

    static final String READERS = "hasAnyRole('CUSTOMER_MANAGER', 'MARKET_MANAGER', 'COUNTY_HEAD', 'MARKET_DEPT', "
            + "'DISTRIBUTION_DEPT', 'SALES_DEPT', 'SERVICE_HEAD', 'MARKETING_DEPUTY', 'LEADER')";
    static final String SETTINGS = "hasAnyRole('MARKET_DEPT', 'SALES_DEPT')";

    private final EmergencySupplyService service;
    private final SupplyJson json;

    private final SupplyExport export;
    private final java.time.Clock zone;

    EmergencySupplyController(EmergencySupplyService service, SupplyJson json, SupplyExport export,
                              java.time.Clock clock, com.tobacco.retailcrm.shared.infrastructure.CrmProperties crm) {
        this.service = service;
        this.json = json;
        this.export = export;
        this.zone = clock.withZone(crm.zone());
    }

    record BrandBody(String code, String name, String supplyClass) {
    }

    record SettingsBody(Object serviceHeadMaxQty, Long version) {
    }

    record LineBody(String brandCode, Object qty) {
    }

    record RaiseBody(String customerCode, String reason, String eventDate, List<LineBody> lines, Boolean special,
                        String note) {
    }

    record DecisionBody(String note, Long version) {
    }

    @PostMapping("/api/v1/brands")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SALES_DEPT')")
    Map<String, Object> addBrand(@RequestBody BrandBody b) {
        return json.brand(service.addBrand(b.code(), b.name(), b.supplyClass()));
    }

    @GetMapping("/api/v1/brands")
    @PreAuthorize(READERS)
    List<Map<String, Object>> brands() {
        return service.brands().stream().map(json::brand).toList();
    }

    @GetMapping("/api/v1/settings/emergency-supply")
    @PreAuthorize(READERS)
    Map<String, Object> settings() {
        return settings(service.threshold());
    }

    @PutMapping("/api/v1/settings/emergency-supply")
    @PreAuthorize(SETTINGS)
    Map<String, Object> setSettings(@RequestBody SettingsBody b,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return settings(service.setThreshold(b.serviceHeadMaxQty(), VERSION.of(b.version(), ifMatch)));
    }

    private static Map<String, Object> settings(long[] threshold) {
        return Map.of("serviceHeadMaxQty", threshold[0], "version", threshold[1]);
    }

    @PostMapping("/api/v1/emergency-supply-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('CUSTOMER_MANAGER')")
    Map<String, Object> raise(@RequestBody RaiseBody b) {
        var request = service.raise(new EmergencySupplyService.RaiseCommand(b.customerCode(), b.reason(),
                b.eventDate(), b.lines() == null ? null : b.lines().stream()
                .map(l -> l == null ? null : new EmergencySupplyService.LineCommand(l.brandCode(), l.qty())).toList(),
                b.special(), b.note()));
        return json.details(service.get(request.id()));
    }

    @GetMapping("/api/v1/emergency-supply-requests")
    @PreAuthorize(READERS)
    PageResponse<Map<String, Object>> list(@RequestParam(required = false) String status,
                                           @RequestParam(required = false) Boolean waiting,
                                           @RequestParam(required = false) String month,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return service.list(status, Boolean.TRUE.equals(waiting), month(month), PageQuery.of(page == null ? 0 : page,
                size == null ? 20 : size, null, Set.of("createdAt"), "createdAt,desc")).map(json::summary);
    }

    /** The requests raised in a month (default this one) as Excel, as the list page exports them. */
    @GetMapping("/api/v1/emergency-supply-requests/export")
    @PreAuthorize(READERS)
    void export(@RequestParam(required = false) String month, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        YearMonth m = month(month);
        export.write(m != null ? m : YearMonth.now(zone), response);
    }

    @GetMapping("/api/v1/emergency-supply-requests/{id}")
    @PreAuthorize(READERS)
    Map<String, Object> get(@PathVariable long id) {
        return json.details(service.get(id));
    }

    @PostMapping("/api/v1/emergency-supply-requests/{id}/approve")
    @PreAuthorize(READERS)
    Map<String, Object> approve(@PathVariable long id, @RequestBody(required = false) DecisionBody b,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return decide(id, TaskAction.APPROVE, b, ifMatch);
    }

    @PostMapping("/api/v1/emergency-supply-requests/{id}/reject")
    @PreAuthorize(READERS)
    Map<String, Object> reject(@PathVariable long id, @RequestBody(required = false) DecisionBody b,
                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return decide(id, TaskAction.REJECT, b, ifMatch);
    }

    private Map<String, Object> decide(long id, TaskAction action, DecisionBody b, String ifMatch) {
        DecisionBody body = b == null ? new DecisionBody(null, null) : b;
        service.decide(id, action, body.note(), VERSION.of(body.version(), ifMatch));
        return json.details(service.get(id));
    }

    static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "{supply.error.month}");
        }
    }
}
