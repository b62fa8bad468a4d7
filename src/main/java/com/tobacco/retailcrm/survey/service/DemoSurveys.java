package com.tobacco.retailcrm.survey.service;

import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.survey.domain.Question;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 演示测评 — with {@code crm.demo=true} and no campaign yet: last quarter's campaign on the default questionnaire,
 * answered by the call centre (周丽) with a few refusals and unreachable calls and then closed by the market department
 * (刘洋), and this quarter's campaign still open, a few calls made, the rest on the agents' list.
 */
@Component
@Order(80)
class DemoSurveys implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSurveys.class);
    private static final List<String> ADVICE = List.of("希望紧俏品规多投放一些", "送货时间能否固定在上午",
            "客户经理讲解政策很耐心，点赞", "电子结算到账有时偏慢", "希望多组织经营培训", "订货系统高峰期有点卡");

    private final CrmProperties properties;
    private final Campaigns campaigns;
    private final Answering answering;
    private final Questionnaires questionnaires;
    private final UserDirectory users;
    private final JdbcTemplate jdbc;

    DemoSurveys(CrmProperties properties, Campaigns campaigns, Answering answering, Questionnaires questionnaires,
                UserDirectory users, JdbcTemplate jdbc) {
        this.properties = properties;
        this.campaigns = campaigns;
        this.answering = answering;
        this.questionnaires = questionnaires;
        this.users = users;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long existing = jdbc.queryForObject("select count(*) from survey_campaign", Long.class);
        Long active = jdbc.queryForObject("select count(*) from customer where status = 'ACTIVE'", Long.class);
        if (!properties.demo() || existing == null || existing > 0 || active == null || active < 40
                || users.find("liuyang").isEmpty() || users.find("zhouli").isEmpty()) {
            return;
        }
        long questionnaire = jdbc.queryForObject("select min(id) from questionnaire", Long.class);
        List<Question> questions = questionnaires.get(questionnaire, null).questions();
        Random random = new Random(2026);
        Campaigns.Campaign last = as("liuyang", () -> campaigns.create(new Campaigns.Plan(questionnaire,
                "2026年第三季度零售客户满意度测评", "2026-Q3", (int) Math.min(60, active), List.of("marketType", "retailFormat"),
                20260701L)));
        answerMost(last, questions, random, 0.85, 0);
        as("liuyang", () -> campaigns.close(last.id(), null));
        Campaigns.Campaign now = as("liuyang", () -> campaigns.create(new Campaigns.Plan(questionnaire,
                "2026年第四季度零售客户满意度测评", "2026-Q4", (int) Math.min(40, active), List.of("marketType", "retailFormat"),
                20261001L)));
        answerMost(now, questions, random, 0.4, 1);
        log.info("Demo surveys: two campaigns, the earlier one closed");
    }

    /** Answers a share of the sample, leaning satisfied ({@code lift} moves every rating up a little more). */
    private void answerMost(Campaigns.Campaign c, List<Question> questions, Random random, double share, int lift) {
        for (Campaigns.Assignment a : campaigns.assignments(c.id(), null)) {
            double roll = random.nextDouble();
            if (roll < share) {
                Map<String, String> values = new LinkedHashMap<>();
                for (Question q : questions) {
                    switch (q.type()) {
                        case RATING -> values.put(q.code(), String.valueOf(Math.min(5, 2 + random.nextInt(3)
                                + (random.nextInt(3) < 1 + lift ? 1 : 0))));
                        case SINGLE -> values.put(q.code(), q.options().get(random.nextInt(q.options().size())));
                        case TEXT -> {
                            if (random.nextInt(3) == 0) {
                                values.put(q.code(), ADVICE.get(random.nextInt(ADVICE.size())));
                            }
                        }
                    }
                }
                as("zhouli", () -> answering.answerByPhone(c.id(), a.customerCode(), null, values));
            } else if (roll < share + 0.05) {
                as("zhouli", () -> answering.recordOutcome(c.id(), a.customerCode(), null, "REFUSED", "店主表示没时间"));
            } else if (roll < share + 0.1) {
                as("zhouli", () -> answering.recordOutcome(c.id(), a.customerCode(), null, "UNREACHABLE", "电话无人接听"));
            }
        }
    }

    private <T> T as(String username, Supplier<T> work) {
        return CurrentUsers.runAs(users.find(username).orElseThrow(), work);
    }
}
