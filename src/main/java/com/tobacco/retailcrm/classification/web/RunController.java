package com.tobacco.retailcrm.classification.web;

import static com.tobacco.retailcrm.shared.api.Texts.blankToNull;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.classification.service.ClassificationRuns;
import com.tobacco.retailcrm.classification.persistence.RunStore;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 客户分类运行 (API.md "Classification"): started and applied by the market department, readable by leaders too. */
@RestController
@RequestMapping("/api/v1/classification-runs")
class RunController {

    static final String READERS = "hasAnyRole('MARKET_DEPT','LEADER')";

    /** The monthly 零售客户类别调整情况表 is also each county head's, for their own county. */
    static final String REPORT_READERS = "hasAnyRole('MARKET_DEPT','LEADER','COUNTY_HEAD')";

    private final ClassificationRuns runs;
    private final RunStore store;
    private final RunViews views;

    RunController(ClassificationRuns runs, RunStore store, RunViews views) {
        this.runs = runs;
        this.store = store;
        this.views = views;
    }

    record StartRun(String period) {
    }

    @PostMapping
    @PreAuthorize(Roles.MARKET_DEPT)
    ResponseEntity<RunViews.RunView> start(@RequestBody StartRun body) {
        if (body == null || body.period() == null || body.period().isBlank()) {
            throw new InvalidInputException("period", "{classification.run.error.period}");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(views.run(runs.start(body.period())));
    }

    @GetMapping
    @PreAuthorize(READERS)
    List<RunViews.RunView> recent() {
        return store.recent(50).stream().map(views::run).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    RunViews.RunView get(@PathVariable long id) {
        return views.run(runs.find(id));
    }

    /** {@code changed=true} lists only the customers whose class code the run changes. */
    @GetMapping("/{id}/results")
    @PreAuthorize(READERS)
    PageResponse<RunViews.ResultView> results(@PathVariable long id, @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size,
                                              @RequestParam(required = false) String retailFormat,
                                              @RequestParam(required = false) Boolean changed,
                                              @RequestParam(required = false) String businessScale) {
        runs.find(id);
        PageQuery q = PageQuery.of(page, size, null, Set.of("rank"), "rank");
        var filter = new RunStore.ResultFilter(blankToNull(retailFormat), changed, blankToNull(businessScale));
        var items = store.results(id, filter, q.offset(), q.size()).stream().map(RunViews::result).toList();
        return new PageResponse<>(items, store.count(id, filter), q.page(), q.size());
    }

    @PostMapping("/{id}/apply")
    @PreAuthorize(Roles.MARKET_DEPT)
    RunViews.RunView apply(@PathVariable long id) {
        return views.run(runs.apply(id).run());
    }
}
