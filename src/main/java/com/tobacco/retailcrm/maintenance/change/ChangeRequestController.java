package com.tobacco.retailcrm.maintenance.change;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Change requests over HTTP (API.md "Workflows and to-do"): raise, bulk upload, act on a step, read, list. */
@RestController
@RequestMapping("/api/v1/change-requests")
class ChangeRequestController {

    /** Business roles that raise requests; admins and leaders do not maintain the archive. */
    static final String RAISERS = "hasAnyRole('CUSTOMER_MANAGER', 'MARKET_MANAGER', 'COUNTY_HEAD', 'MARKET_DEPT', "
            + "'DISTRIBUTION_DEPT', 'SALES_DEPT', 'MONOPOLY_OFFICER', 'SERVICE_AGENT')";

    private final ChangeRequestService service;
    private final ChangeRequestJson json;

    ChangeRequestController(ChangeRequestService service, ChangeRequestJson json) {
        this.service = service;
        this.json = json;
    }

    /** Body of a raise: {@code changes} keeps the JSON values so numbers are never read as doubles. */
    record RaiseBody(String customerCode, String type, Map<String, Object> changes, String reason) {
    }

    /** Body of a step completion. */
    record CompleteBody(String action, String comment) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(RAISERS)
    Map<String, Object> raise(@RequestBody RaiseBody body) {
        return json.of(service.raise(new ChangeRequestService.RaiseCommand(body.customerCode(), body.type(),
                body.changes(), body.reason())));
    }

    @PostMapping(path = "/bulk", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.MARKET_DEPT)
    Map<String, Object> bulk(@RequestPart(name = "file", required = false) MultipartFile file,
                             @RequestParam(name = "reason", required = false) String reason) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "{change.error.bulk.noFile}");
        }
        return json.of(service.raiseBulk(file.getOriginalFilename(), file.getBytes(), reason));
    }

    @PostMapping("/{id}/complete")
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> complete(@PathVariable long id, @RequestBody CompleteBody body) {
        return json.of(service.complete(id, body.action(), body.comment()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> get(@PathVariable long id) {
        return json.of(service.get(id));
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    PageResponse<Map<String, Object>> list(@RequestParam(required = false) Boolean mine,
                                           @RequestParam(required = false) Boolean waiting,
                                           @RequestParam(required = false) String status,
                                           @RequestParam(required = false) String customerCode,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size, null, Set.of("createdAt"), "createdAt,desc");
        return service.list(Boolean.TRUE.equals(mine), Boolean.TRUE.equals(waiting), status, customerCode, query)
                .map(json::of);
    }
}
