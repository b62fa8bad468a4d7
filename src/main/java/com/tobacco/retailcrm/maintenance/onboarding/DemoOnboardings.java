package com.tobacco.retailcrm.maintenance.onboarding;

import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.workflow.api.CaseView;
import com.tobacco.retailcrm.workflow.api.TaskAction;
import com.tobacco.retailcrm.workflow.api.TaskCompletion;
import com.tobacco.retailcrm.workflow.api.Workflows;
import com.tobacco.retailcrm.workflow.api.WorkflowClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 演示办件 — with {@code crm.demo=true} and no onboarding yet: five cases of the demo county 城区 at different steps,
 * worked by the demo users through the same service as everyone, at back-dated times (so some are overdue).
 */
@Component
@Order(50)
class DemoOnboardings implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOnboardings.class);

    private final OnboardingService onboardings;
    private final Workflows workflows;
    private final UserDirectory users;
    private final WorkflowClock clock;
    private final CrmProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    DemoOnboardings(OnboardingService onboardings, Workflows workflows, UserDirectory users, WorkflowClock clock,
                    CrmProperties properties, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.onboardings = onboardings;
        this.workflows = workflows;
        this.users = users;
        this.clock = clock;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** One demo case: its store, how long ago it started, and how many steps after the forwarding are done. */
    private record Demo(String store, Duration ago, int stepsDone, boolean sentBack) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("惠民便利店", Duration.ofMinutes(40), 0, false),
            new Demo("好邻居超市", Duration.ofDays(4), 1, false),
            new Demo("金叶烟酒商行", Duration.ofDays(3), 4, false),
            new Demo("阳光食杂店", Duration.ofDays(5), 1, true),
            new Demo("平安便民店", Duration.ofDays(12), 6, false));

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo() || users.find("wujun").isEmpty() || users.find("zhangwei").isEmpty()
                || jdbc.queryForObject("select count(*) from wf_case where case_type = 'ONBOARDING'", Long.class) > 0) {
            return;
        }
        int n = 0;
        for (Demo demo : DEMOS) {
            n++;
            int index = n;
            transaction.executeWithoutResult(status -> play(demo, index));
        }
        log.info("Demo onboarding cases created: {}", DEMOS.size());
    }

    private void play(Demo demo, int index) {
        Instant start = clock.now().minus(demo.ago());
        CaseView c = as("wujun", start, () -> onboardings.start(new OnboardingRequest(
                String.format("43019%07d", 9000000 + index), demo.store(), "演示负责人" + index, "城区解放路" + index + "号",
                "CITY", "2026-01-05", "2031-01-04")));
        Instant at = start;
        List<Step> steps = List.of(
                new Step("zhangwei", TaskAction.DONE, Map.of("retailFormat", "2", "marketType", "1",
                        "customerManager", "zhangwei", "contactPerson", "演示负责人" + index)),
                new Step("sunwei", TaskAction.APPROVE, Map.of()),
                new Step("liuyang", TaskAction.DONE, Map.of("orderMethod", "ONLINE")),
                new Step("chenjing", TaskAction.DONE, Map.of("longitude", "112.98", "latitude", "28.19",
                        "deliveryRoute", "城区1号线")),
                new Step("yangfan", TaskAction.DONE, Map.of("orderBatch", "周二批", "visitBatch", "A", "totalLimit", "30")),
                new Step("yangfan", TaskAction.DONE, Map.of()));
        for (int i = 0; i < demo.stepsDone(); i++) {
            at = at.plus(Duration.ofHours(5));
            Step step = steps.get(i);
            act(step.who(), at, c.id(), step.action(), null, step.data());
        }
        if (demo.sentBack()) {
            act("sunwei", at.plus(Duration.ofHours(3)), c.id(), TaskAction.SEND_BACK, "请补充订货电话与营业时间", Map.of());
        }
    }

    private record Step(String who, TaskAction action, Map<String, Object> data) {
    }

    private void act(String username, Instant at, long caseId, TaskAction action, String comment, Map<String, Object> data) {
        as(username, at, () -> {
            String taskId = workflows.myTasks(null).stream().filter(t -> t.caseId() == caseId).findFirst()
                    .orElseThrow(() -> new IllegalStateException(username + " has no task of demo case " + caseId)).id();
            return workflows.complete(taskId, new TaskCompletion(action, comment, data));
        });
    }

    /** Runs as a demo user at a past instant. */
    private <T> T as(String username, Instant at, Supplier<T> work) {
        return CurrentUsers.runAs(users.find(username).orElseThrow(), () -> clock.asOf(at, work));
    }
}
