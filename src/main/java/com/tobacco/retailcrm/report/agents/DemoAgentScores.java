package com.tobacco.retailcrm.report.agents;

import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** 演示话务员考核 — with {@code crm.demo=true} and none entered yet: 周丽's last two months, as 钱慧 would enter them. */
@Component
@Order(86)
class DemoAgentScores implements ApplicationRunner {

    private final CrmProperties properties;
    private final AgentScores scores;
    private final UserDirectory users;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoAgentScores(CrmProperties properties, AgentScores scores, UserDirectory users, JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.scores = scores;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long existing = jdbc.queryForObject("select count(*) from agent_score", Long.class);
        if (!properties.demo() || existing == null || existing > 0 || users.find("qianhui").isEmpty()
                || users.find("zhouli").isEmpty()) {
            return;
        }
        YearMonth last = YearMonth.from(clock.instant().atZone(properties.zone())).minusMonths(1);
        CurrentUsers.runAs(users.find("qianhui").orElseThrow(), () -> {
            scores.put(last.minusMonths(1), List.of(Map.of("agent", "zhouli", "calls", 1_180, "complaintCalls", 64,
                    "callTarget", 1_100, "monitoringScore", 90, "testCallScore", 86, "complaints", 1,
                    "trainingScore", 85, "absences", 1)));
            return scores.put(last, List.of(Map.of("agent", "zhouli", "calls", 1_262, "complaintCalls", 58,
                    "callTarget", 1_100, "monitoringScore", 93, "testCallScore", 89, "complaints", 0,
                    "trainingScore", 91, "absences", 0)));
        });
    }
}
