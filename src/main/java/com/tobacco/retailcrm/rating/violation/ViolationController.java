package com.tobacco.retailcrm.rating.violation;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.api.SentVersion;
import com.tobacco.retailcrm.shared.api.Versions;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Violations over HTTP: {@code POST /api/v1/violations} and {@code POST /api/v1/violations/{id}/correct} by monopoly
 * officers; reading by every business role within its data scope.
 */
@RestController
@RequestMapping("/api/v1/violations")
class ViolationController {

    private static final SentVersion VERSION = new SentVersion("version", "{rating.error.version}");

    /** Business roles that read violations (each within its data scope); the admins do no business work. */
    static final String READERS = Roles.BUSINESS;

    private final ViolationService service;
    private final ZoneId zone;

    ViolationController(ViolationService service, CrmProperties properties) {
        this.service = service;
        this.zone = properties.zone();
    }

    record CorrectBody(String correctedOn, Long version) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.MONOPOLY_OFFICER)
    ViolationJson record(@RequestBody ViolationService.RecordCommand body) {
        return ViolationJson.of(service.record(body), zone);
    }

    @PostMapping("/{id}/correct")
    @PreAuthorize(Roles.MONOPOLY_OFFICER)
    ViolationJson correct(@PathVariable long id, @RequestBody CorrectBody body,
                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return ViolationJson.of(service.correct(id, body.correctedOn(),
                Versions.required(VERSION.of(body.version(), ifMatch))), zone);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    ViolationJson get(@PathVariable long id) {
        return ViolationJson.of(service.get(id), zone);
    }

    @GetMapping
    @PreAuthorize(READERS)
    PageResponse<ViolationJson> list(@RequestParam(required = false) String customerCode,
                                     @RequestParam(required = false) String type,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        return service.list(customerCode, type, PageQuery.of(page, size, null, Set.of("occurredOn"), "occurredOn,desc"))
                .map(v -> ViolationJson.of(v, zone));
    }
}
