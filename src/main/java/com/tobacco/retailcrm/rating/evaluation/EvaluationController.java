package com.tobacco.retailcrm.rating.evaluation;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 客户评价 over HTTP: the market department computes a period ({@code POST /api/v1/evaluations {"period"}}); every
 * business role reads the ranking and a customer's scores within its data scope.
 */
@RestController
@RequestMapping("/api/v1/evaluations")
class EvaluationController {

    static final String READERS = Roles.BUSINESS;

    private final EvaluationService service;

    EvaluationController(EvaluationService service) {
        this.service = service;
    }

    record ComputeBody(String period) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.MARKET_DEPT)
    EvaluationService.Run compute(@RequestBody ComputeBody body) {
        return service.compute(body.period());
    }

    @GetMapping("/runs")
    @PreAuthorize(READERS)
    List<EvaluationService.Run> runs() {
        return service.runs();
    }

    /** The ranking of a period (the latest when none is named); an empty page when nothing was computed yet. */
    @GetMapping
    @PreAuthorize(READERS)
    PageResponse<EvaluationService.Score> ranking(@RequestParam(required = false) String period,
                                                  @RequestParam(required = false) String retailFormat,
                                                  @RequestParam(required = false) Integer page,
                                                  @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size, null, Set.of("rank"), "rank,asc");
        return service.ranking(period, retailFormat, query)
                .orElseGet(() -> new PageResponse<>(List.of(), 0, query.page(), query.size()));
    }

    @GetMapping("/customers/{customerCode}")
    @PreAuthorize(READERS)
    List<EvaluationService.Score> ofCustomer(@PathVariable String customerCode) {
        return service.ofCustomer(customerCode);
    }
}
