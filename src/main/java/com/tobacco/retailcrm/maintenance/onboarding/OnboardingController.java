package com.tobacco.retailcrm.maintenance.onboarding;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.workflow.api.CaseJson;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.workflow.api.CaseSummary;
import com.tobacco.retailcrm.maintenance.onboarding.OnboardingRequest;
import com.tobacco.retailcrm.maintenance.onboarding.OnboardingService;
import java.util.LinkedHashMap;
import java.util.Map;
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

/** 新入网 over HTTP (API.md "Workflows and to-do"). */
@RestController
@RequestMapping("/api/v1/onboardings")
class OnboardingController {

    private final OnboardingService onboardings;

    OnboardingController(OnboardingService onboardings) {
        this.onboardings = onboardings;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.MONOPOLY_OFFICER)
    Map<String, Object> start(@RequestBody OnboardingRequest request) {
        return CaseJson.of(onboardings.start(request));
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> get(@PathVariable long id) {
        return CaseJson.of(onboardings.find(id));
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var result = onboardings.list(PageQuery.of(page, size, null, Set.of("startedAt"), "startedAt,desc"));
        return Map.of("items", result.items().stream().map(OnboardingController::summary).toList(),
                "total", result.total(), "page", result.page(), "size", result.size());
    }

    static Map<String, Object> summary(CaseSummary c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("caseType", c.caseType());
        json.put("title", c.title());
        json.put("status", c.status());
        json.put("customerCode", c.customerCode());
        json.put("startedBy", c.startedBy());
        json.put("startedAt", CaseJson.time(c.startedAt()));
        json.put("dueAt", CaseJson.time(c.dueAt()));
        json.put("endedAt", CaseJson.time(c.endedAt()));
        json.put("currentStep", c.currentStep());
        json.put("currentStepName", c.currentStepName());
        json.put("overdue", c.overdue());
        return json;
    }
}
