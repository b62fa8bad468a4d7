package com.tobacco.retailcrm.maintenance.upkeep;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.web.Messages;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Upkeep tasks over HTTP: my open ones, completing one, and a manual run of a job for system admins. */
@RestController
class UpkeepController {

    private final UpkeepTasks tasks;
    private final UpkeepJobs jobs;
    private final Messages messages;
    private final Clock clock;
    private final com.tobacco.retailcrm.calendar.api.WorkingCalendar calendar;

    UpkeepController(UpkeepTasks tasks, UpkeepJobs jobs, Messages messages, Clock clock,
                     com.tobacco.retailcrm.calendar.api.WorkingCalendar calendar) {
        this.tasks = tasks;
        this.jobs = jobs;
        this.messages = messages;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** A comment, and a half-year review's fields with the customer's version ({@link UpkeepData}). */
    record CompleteBody(String comment, Map<String, Object> data) {
    }

    record RunBody(String job) {
    }

    @GetMapping("/api/v1/upkeep-tasks")
    @PreAuthorize("isAuthenticated()")
    PageResponse<UpkeepTaskJson> mine(@RequestParam(required = false) Boolean overdue,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        Instant now = clock.instant();
        return tasks.mine(overdue, PageQuery.of(page, size, null, Set.of("dueAt"), "dueAt,asc")).map(t -> json(t, now));
    }

    @PostMapping("/api/v1/upkeep-tasks/{id}/complete")
    @PreAuthorize("isAuthenticated()")
    UpkeepTaskJson complete(@PathVariable long id, @RequestBody(required = false) CompleteBody body) {
        return json(tasks.complete(id, body == null ? null : body.comment(), body == null ? null : body.data()),
                clock.instant());
    }

    /** Runs a job now (same lock as the schedule): {@code {"job": "HALF_YEAR_REVIEW"}} → {@code {"job","created"}}. */
    @PostMapping("/api/v1/upkeep/runs")
    @PreAuthorize(Roles.SYSTEM_ADMIN)
    Map<String, Object> run(@RequestBody RunBody body) {
        UpkeepKind job;
        try {
            job = UpkeepKind.valueOf(body.job() == null ? "" : body.job().trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("job", messages.text("upkeep.error.job"));
        }
        int created = jobs.runNow(job).orElseThrow(() -> new ConflictException("job", "upkeep.error.running"));
        return Map.of("job", job.name(), "created", created);
    }

    private UpkeepTaskJson json(UpkeepTask t, Instant now) {
        return UpkeepTaskJson.of(t, now, messages, calendar.zone());
    }
}
