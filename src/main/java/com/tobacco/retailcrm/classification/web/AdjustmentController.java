package com.tobacco.retailcrm.classification.web;

import com.tobacco.retailcrm.classification.service.Adjustments;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 零售客户类别调整情况表 over the API: a month's class changes per county, with the reason of each. */
@RestController
@RequestMapping("/api/v1/classification-adjustments")
class AdjustmentController {

    private final ClassificationPages pages;

    AdjustmentController(ClassificationPages pages) {
        this.pages = pages;
    }

    @GetMapping
    @PreAuthorize(RunController.REPORT_READERS)
    PageResponse<ClassificationPages.AdjustmentLine> list(@RequestParam String month,
                                                          @RequestParam(required = false) String countyCode,
                                                          @RequestParam(required = false) Integer page,
                                                          @RequestParam(required = false) Integer size) {
        var m = Adjustments.month(month);
        Long county = pages.reportCountyId(countyCode).orElse(null);
        PageQuery q = PageQuery.of(page, size, null, Set.of(), null);
        return new PageResponse<>(pages.adjustments(m, county, q.offset(), q.size()), pages.countAdjustments(m, county),
                q.page(), q.size());
    }
}
