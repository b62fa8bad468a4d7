package com.tobacco.retailcrm.rating.integrity;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.api.SentVersion;
import com.tobacco.retailcrm.shared.api.Versions;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
 * Integrity ratings over HTTP (docs/api.md, rating): propose, publish, appeal, answer and finalize; batches;
 * lists and the inspection frequency of a customer. Officers rate; the customer's manager or a service agent appeals
 * for the retailer; every business role reads within its data scope.
 */
@RestController
@RequestMapping("/api/v1/integrity-ratings")
class RatingController {

    private static final SentVersion VERSION = new SentVersion("version", "{rating.error.version}");

    static final String READERS = Roles.BUSINESS;
    static final String OFFICER = Roles.MONOPOLY_OFFICER;
    static final String APPELLANTS = "hasAnyRole('CUSTOMER_MANAGER', 'SERVICE_AGENT')";

    private final RatingService service;
    private final ZoneId zone;

    RatingController(RatingService service, CrmProperties properties) {
        this.service = service;
        this.zone = properties.zone();
    }

    record PublishBody(String noticeStart, Long version) {
    }

    record AppealBody(String reason, Long version) {
    }

    record AnswerBody(String decision, String note, String newGrade, Long version) {
    }

    record VersionBody(Long version) {
    }

    record BatchBody(List<RatingService.Proposal> items) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(OFFICER)
    RatingJson propose(@RequestBody RatingService.Proposal body) {
        return json(service.propose(body));
    }

    @PostMapping("/batch")
    @PreAuthorize(OFFICER)
    Map<String, Object> proposeBatch(@RequestBody BatchBody body) {
        RatingService.BatchResult result = service.proposeBatch(body.items());
        var out = new java.util.LinkedHashMap<String, Object>();
        out.put("batchId", result.batchId());
        out.put("created", result.created().size());
        out.put("rejected", result.errors().stream().map(RatingService.ItemError::index).distinct().count());
        out.put("ratings", result.created().stream().map(this::json).toList());
        out.put("errors", result.errors());
        return out;
    }

    @PostMapping("/batches/{batchId}/publish")
    @PreAuthorize(OFFICER)
    Map<String, Object> publishBatch(@PathVariable long batchId, @RequestBody PublishBody body) {
        RatingService.BatchNotice n = service.publishBatch(batchId, body.noticeStart());
        return Map.of("batchId", n.batchId(), "published", n.published(),
                "noticeStart", RatingJson.at(n.noticeStart(), zone), "noticeEndsAt", RatingJson.at(n.noticeEndsAt(), zone));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize(OFFICER)
    RatingJson publish(@PathVariable long id, @RequestBody PublishBody body,
                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return json(service.publish(id, body.noticeStart(),
                Versions.required(VERSION.of(body.version(), ifMatch))));
    }

    @PostMapping("/{id}/appeals")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(APPELLANTS)
    RatingJson appeal(@PathVariable long id, @RequestBody AppealBody body,
                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return json(service.appeal(id, body.reason(), VERSION.of(body.version(), ifMatch)));
    }

    @PostMapping("/{id}/appeals/{appealId}/answer")
    @PreAuthorize(OFFICER)
    RatingJson answer(@PathVariable long id, @PathVariable long appealId, @RequestBody AnswerBody body,
                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return json(service.answer(id, appealId, body.decision(), body.note(), body.newGrade(),
                VERSION.of(body.version(), ifMatch)));
    }

    @PostMapping("/{id}/finalize")
    @PreAuthorize(OFFICER)
    RatingJson finalizeRating(@PathVariable long id, @RequestBody(required = false) VersionBody body,
                              @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return json(service.finalizeRating(id, VERSION.of(body == null ? null : body.version(), ifMatch)));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    RatingJson get(@PathVariable long id) {
        return json(service.get(id));
    }

    @GetMapping
    @PreAuthorize(READERS)
    PageResponse<RatingJson> list(@RequestParam(required = false) String state,
                                  @RequestParam(required = false) String customerCode,
                                  @RequestParam(required = false) Long batchId,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        return service.list(state, customerCode, batchId, PageQuery.of(page, size, null, Set.of("createdAt"),
                "createdAt,desc")).map(this::json);
    }

    /** 分级监管 of one customer: grade, law-abiding status and how often it is inspected. */
    @GetMapping("/inspection/{customerCode}")
    @PreAuthorize(READERS)
    RatingService.Supervision inspection(@PathVariable String customerCode) {
        return service.supervision(customerCode);
    }

    private RatingJson json(IntegrityRating r) {
        return RatingJson.of(r, service.frequencyOf(r.grade()), service.now(), zone);
    }
}
