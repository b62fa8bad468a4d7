package com.tobacco.retailcrm.complaint.web;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.complaint.domain.Category;
import com.tobacco.retailcrm.complaint.domain.ComplaintStatus;
import com.tobacco.retailcrm.complaint.service.ComplaintActions;
import com.tobacco.retailcrm.complaint.service.ComplaintDetails;
import com.tobacco.retailcrm.complaint.service.ComplaintFilter;
import com.tobacco.retailcrm.complaint.service.ComplaintInput;
import com.tobacco.retailcrm.complaint.service.ComplaintIntake;
import com.tobacco.retailcrm.complaint.service.ComplaintListing;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.SentVersion;
import com.tobacco.retailcrm.shared.api.Versions;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.api.TimeRangeParameter;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
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
 * Complaints over HTTP (docs/api.md, complaint). Every action may carry the version the caller saw ({@code version} in
 * the body or {@code If-Match}); without it the action still cannot overwrite a concurrent one (409).
 */
@RestController
@RequestMapping("/api/v1/complaints")
class ComplaintController {

    private static final SentVersion VERSION = new SentVersion("If-Match", "{complaint.error.version}");

    static final String DESK = "hasAnyRole('SERVICE_AGENT', 'MARKET_DEPT')";
    /** Whoever may handle a complaint: the assignee check itself is the service's (403 for anyone else). */
    static final String BUSINESS = Roles.BUSINESS;

    private final ComplaintIntake intake;
    private final ComplaintActions actions;
    private final ComplaintListing listing;
    private final ComplaintJson json;
    private final CrmProperties crm;

    ComplaintController(ComplaintIntake intake, ComplaintActions actions, ComplaintListing listing, ComplaintJson json,
                        CrmProperties crm) {
        this.intake = intake;
        this.actions = actions;
        this.listing = listing;
        this.json = json;
        this.crm = crm;
    }

    record IntakeBody(String customerCode, String contactName, String contactPhone, String channel, String category,
                      String priority, String description, String receivedAt, String accusedEmployee,
                      Long duplicateOf) {
    }

    /** One body for every action; each reads the fields it needs. */
    record ActionBody(String assignee, String note, String message, String reason, String reply, String cause,
                      String satisfaction, String level, Long duplicateOf, Long version) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(DESK)
    Map<String, Object> intake(@RequestBody IntakeBody b) {
        return json.created(intake.intake(new ComplaintIntake.IntakeCommand(b.customerCode(), b.contactName(),
                b.contactPhone(), b.channel(), b.category(), b.priority(), b.description(), b.receivedAt(),
                b.accusedEmployee(), b.duplicateOf())));
    }

    @PostMapping("/{id}/assign")
    @PreAuthorize(DESK)
    Map<String, Object> assign(@PathVariable long id, @RequestBody(required = false) ActionBody b,
                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return act(b, ifMatch, (body, version) -> actions.assign(id, version, body.assignee(), body.note()));
    }

    @PostMapping("/{id}/respond")
    @PreAuthorize(BUSINESS)
    Map<String, Object> respond(@PathVariable long id, @RequestBody(required = false) ActionBody b,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return act(b, ifMatch, (body, version) -> actions.respond(id, version, body.message()));
    }

    @PostMapping("/{id}/pause")
    @PreAuthorize(BUSINESS)
    Map<String, Object> pause(@PathVariable long id, @RequestBody(required = false) ActionBody b,
                              @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return act(b, ifMatch, (body, version) -> actions.pause(id, version, body.reason()));
    }

    @PostMapping("/{id}/resume")
    @PreAuthorize(BUSINESS)
    Map<String, Object> resume(@PathVariable long id, @RequestBody(required = false) ActionBody b,
                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return act(b, ifMatch, (body, version) -> actions.resume(id, version));
    }

    @PostMapping("/{id}/resolve")
    @PreAuthorize(BUSINESS)
    Map<String, Object> resolve(@PathVariable long id, @RequestBody(required = false) ActionBody b,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return act(b, ifMatch, (body, version) -> actions.resolve(id, version, body.reply(), body.cause()));
    }

    @PostMapping("/{id}/callback")
    @PreAuthorize(DESK)
    Map<String, Object> callback(@PathVariable long id, @RequestBody(required = false) ActionBody b,
                                 @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return act(b, ifMatch, (body, version) -> actions.callback(id, version, body.satisfaction(), body.note(),
                body.level()));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(DESK)
    Map<String, Object> close(@PathVariable long id, @RequestBody(required = false) ActionBody b,
                              @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        // Closing is final: it must say which state of the complaint it closes.
        return act(b, ifMatch, (body, version) -> actions.close(id, Versions.required(version)));
    }

    @PostMapping("/{id}/link")
    @PreAuthorize(DESK)
    Map<String, Object> link(@PathVariable long id, @RequestBody(required = false) ActionBody b,
                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return act(b, ifMatch, (body, version) -> actions.link(id, version, body.duplicateOf()));
    }

    @GetMapping("/{id}")
    @PreAuthorize(BUSINESS)
    Map<String, Object> get(@PathVariable long id) {
        return json.details(listing.get(id));
    }

    @GetMapping
    @PreAuthorize(BUSINESS)
    PageResponse<Map<String, Object>> list(@RequestParam(required = false) String status,
                                           @RequestParam(required = false) String category,
                                           @RequestParam(required = false) Boolean overdue,
                                           @RequestParam(required = false) Boolean mine,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size,
                                           @RequestParam(required = false) String sort) {
        return listing.list(filter(status, category, overdue, mine, from, to),
                PageQuery.of(page, size, sort, Set.of("receivedAt", "number", "dueResolutionAt"), "receivedAt,desc"))
                .map(json::summary);
    }

    /** Customers matching a phone, name, pinyin initials or code, for the intake form. */
    @GetMapping("/customer-lookup")
    @PreAuthorize(DESK)
    List<Map<String, Object>> lookup(@RequestParam(required = false) String q) {
        return intake.lookupCustomers(q).stream().map(s -> Map.<String, Object>of("customerCode", s.customerCode(),
                "storeName", s.storeName(), "orderPhone", s.orderPhone() == null ? "" : s.orderPhone(),
                "customerManager", s.customerManager() == null ? "" : s.customerManager(),
                "address", s.address() == null ? "" : s.address())).toList();
    }

    ComplaintFilter filter(String status, String category, Boolean overdue, Boolean mine, String from,
                           String to) {
        List<FieldProblem> problems = new ArrayList<>();
        ComplaintStatus s = status == null || status.isBlank() ? null
                : ComplaintInput.enumValue(ComplaintStatus.class, "status", status, problems);
        Category c = category == null || category.isBlank() ? null
                : ComplaintInput.enumValue(Category.class, "category", category, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ComplaintFilter(s, c, overdue, TimeRangeParameter.from(from, "from", crm.zone()),
                TimeRangeParameter.to(to, "to", crm.zone()), mine);
    }

    /** An action on one complaint: its body (empty when absent) and the version from the body or If-Match. */
    private Map<String, Object> act(ActionBody b, String ifMatch,
                                    BiFunction<ActionBody, Long, ComplaintDetails> action) {
        ActionBody body = orEmpty(b);
        return json.details(action.apply(body, VERSION.of(body.version(), ifMatch)));
    }

    private static ActionBody orEmpty(ActionBody b) {
        return b == null ? new ActionBody(null, null, null, null, null, null, null, null, null, null) : b;
    }
}
