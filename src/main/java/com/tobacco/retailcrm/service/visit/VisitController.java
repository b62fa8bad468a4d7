package com.tobacco.retailcrm.service.visit;

import com.tobacco.retailcrm.service.item.ServiceItemController;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/** 拜访 over HTTP (docs/api.md "Service items and visits"): record, photos, list, coverage and the week plan. */
@RestController
@RequestMapping("/api/v1/visits")
public class VisitController {

    /** Who visits: customer managers, and the managers above them for their teams' customers. */
    public static final String RECORDERS = "hasAnyRole('CUSTOMER_MANAGER', 'MARKET_MANAGER', 'COUNTY_HEAD')";

    private final VisitService visits;
    private final VisitPlans plans;
    private final CoverageReport coverage;
    private final VisitJson json;

    VisitController(VisitService visits, VisitPlans plans, CoverageReport coverage, VisitJson json) {
        this.visits = visits;
        this.plans = plans;
        this.coverage = coverage;
        this.json = json;
    }

    record RecordBody(String customerCode, String visitedAt, String purpose, String findings, String salesAnomaly,
                      List<String> checkedFields, List<String> wrongFields, String nextActions) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(RECORDERS)
    Map<String, Object> record(@RequestBody RecordBody b) {
        return json.visit(visits.record(new VisitService.RecordCommand(b.customerCode(), b.visitedAt(), b.purpose(),
                b.findings(), b.salesAnomaly(), b.checkedFields(), b.wrongFields(), b.nextActions())));
    }

    @GetMapping
    @PreAuthorize(ServiceItemController.BUSINESS)
    PageResponse<Map<String, Object>> list(@RequestParam(required = false) String customerCode,
                                           @RequestParam(required = false) String manager,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size,
                                           @RequestParam(required = false) String sort) {
        PageQuery query = PageQuery.of(page, size, sort, Set.of("visitedAt"), "visitedAt,desc");
        return visits.list(filter(customerCode, manager, from, to), query).map(json::visit);
    }

    static VisitService.Filter filter(String customerCode, String manager, String from, String to) {
        return new VisitService.Filter(blank(customerCode), blank(manager), date("from", from), date("to", to));
    }

    @GetMapping("/{id}")
    @PreAuthorize(ServiceItemController.BUSINESS)
    Map<String, Object> one(@PathVariable long id) {
        Map<String, Object> m = json.visit(visits.get(id));
        m.put("photos", visits.photos(id).stream().map(json::photo).toList());
        return m;
    }

    @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(RECORDERS)
    Map<String, Object> upload(@PathVariable long id, @RequestPart("file") MultipartFile file) {
        try {
            return json.photo(visits.addPhoto(id, file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{id}/photos/{photoId}")
    @PreAuthorize(ServiceItemController.BUSINESS)
    ResponseEntity<Resource> photo(@PathVariable long id, @PathVariable long photoId,
                                   @RequestParam(defaultValue = "false") boolean thumbnail) {
        return serve(visits.photoFile(id, photoId, thumbnail));
    }

    static ResponseEntity<Resource> serve(VisitService.PhotoFile file) {
        if (!Files.exists(file.path())) {
            throw new com.tobacco.retailcrm.shared.api.NotFoundException("visit.error.photoNotFound", file.path().getFileName());
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).body(new FileSystemResource(file.path()));
    }

    @GetMapping("/coverage")
    @PreAuthorize(ServiceItemController.BUSINESS)
    Map<String, Object> coverage(@RequestParam(required = false) String month) {
        YearMonth m = month(month, plans.today());
        return json.coverage(m, coverage.inScope(m));
    }

    @GetMapping("/due")
    @PreAuthorize(ServiceItemController.BUSINESS)
    List<Map<String, Object>> due(@RequestParam(required = false) String manager) {
        return plans.plan(manager).stream().map(json::due).toList();
    }

    static YearMonth month(String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            return YearMonth.from(today);
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "{visit.error.month}");
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "{visit.error.date}");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
