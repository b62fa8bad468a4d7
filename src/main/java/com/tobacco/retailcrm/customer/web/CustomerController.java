package com.tobacco.retailcrm.customer.web;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.customer.api.AppliedChanges;
import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.customer.api.CustomerSummary;
import com.tobacco.retailcrm.customer.domain.CustomerArchiveService;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.api.SentVersion;
import com.tobacco.retailcrm.shared.api.Versions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The customer archive over HTTP (docs/api.md, customer). */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    private static final Set<String> LIST_PARAMS = Set.of("q", "retailFormat", "marketType", "status", "customerManager",
            "countyCode", "incomplete", "page", "size", "sort");

    /** A malformed version keeps the message the customer pages already show for it. */
    private static final SentVersion VERSION = new SentVersion("version", "{customer.error.version}");

    private final CustomerArchiveService archive;
    private final java.util.List<com.tobacco.retailcrm.customer.api.CustomerAttributes> attributes;

    CustomerController(CustomerArchiveService archive,
                       java.util.List<com.tobacco.retailcrm.customer.api.CustomerAttributes> attributes) {
        this.archive = archive;
        this.attributes = attributes;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.MARKET_DEPT)
    Map<String, Object> create(@RequestBody Map<String, Object> body) {
        Map<String, Object> fields = new LinkedHashMap<>(body);
        Object county = fields.remove("countyCode");
        CustomerRecord created = archive.create(fields, county instanceof String s ? s : null, ChangeSource.direct());
        return CustomerJson.of(created);
    }

    @GetMapping("/{customerCode}")
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> get(@PathVariable String customerCode) {
        Map<String, Object> json = CustomerJson.of(archive.view(customerCode, true));
        attributes.forEach(a -> a.of(customerCode).forEach(json::putIfAbsent));
        return json;
    }

    /** JSON merge patch (RFC 7396): a field set to null is cleared; {@code version} or If-Match is required. */
    @PatchMapping(path = "/{customerCode}", consumes = {"application/merge-patch+json", "application/json"})
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> patch(@PathVariable String customerCode, @RequestBody Map<String, Object> body,
                              @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Map<String, Object> changes = new LinkedHashMap<>(body);
        long version = Versions.required(VERSION.ofJsonValue(changes.remove("version"), ifMatch));
        Object reason = changes.remove("statusReason");
        archive.applyChanges(customerCode, changes, version, ChangeSource.direct(), reason instanceof String s ? s : null);
        return CustomerJson.of(archive.view(customerCode, true));
    }

    @GetMapping("/{customerCode}/history")
    @PreAuthorize("isAuthenticated()")
    List<CustomerArchiveService.HistoryView> history(@PathVariable String customerCode) {
        return archive.history(customerCode);
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    PageResponse<CustomerSummary> list(@RequestParam Map<String, String> params,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size,
                                       @RequestParam(required = false) String sort) {
        return archive.search(query(params), PageQuery.of(page, size, sort, CustomerArchiveService.sortableFields(),
                "customerCode,asc"));
    }

    /** The list filters; parameters that are not standard ones filter by custom fields ({@code key=value}). */
    static CustomerQuery query(Map<String, String> params) {
        Map<String, String> custom = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (!LIST_PARAMS.contains(k) && !k.startsWith("_") && !k.equals("format")) {
                custom.put(k, v);
            }
        });
        String incomplete = params.get("incomplete");
        if (incomplete != null && !incomplete.isBlank() && !incomplete.equals("true") && !incomplete.equals("false")) {
            throw new InvalidInputException("incomplete", "{error.param.type}");
        }
        return new CustomerQuery(params.get("q"), params.get("retailFormat"), params.get("marketType"),
                params.get("status"), params.get("customerManager"), params.get("countyCode"),
                "true".equals(incomplete) ? Boolean.TRUE : null, custom);
    }

    static Map<String, Object> changes(AppliedChanges applied) {
        return Map.of("customerCode", applied.customerCode(), "version", applied.version(), "changes", applied.changes());
    }
}
