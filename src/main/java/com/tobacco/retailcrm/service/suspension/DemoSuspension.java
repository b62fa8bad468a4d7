package com.tobacco.retailcrm.service.suspension;

import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 演示服务暂停 — with {@code crm.demo=true} and none yet: last week's snowstorm stopped delivery in the east county for a
 * day; the distribution centre (陈静) announced it, the managers called most customers, and it was ended, leaving the
 * key customers' make-up supply to-dos.
 */
@Component
@Order(96)
class DemoSuspension implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSuspension.class);

    private final CrmProperties properties;
    private final SuspensionService service;
    private final OrgDirectory orgs;
    private final UserDirectory users;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoSuspension(CrmProperties properties, SuspensionService service, OrgDirectory orgs, UserDirectory users,
                   JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.service = service;
        this.orgs = orgs;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long existing = jdbc.queryForObject("select count(*) from service_suspension", Long.class);
        if (!properties.demo() || existing == null || existing > 0 || users.find("chenjing").isEmpty()
                || orgs.findByCode("EAST").isEmpty()) {
            return;
        }
        Instant from = clock.instant().minus(Duration.ofDays(8)).truncatedTo(ChronoUnit.HOURS);
        Suspension s = as("chenjing", () -> service.announce(new SuspensionService.AnnounceCommand("WEATHER",
                List.of("EAST"), List.of(), List.of(), from.toString().replace("Z", "+00:00"),
                from.plus(Duration.ofDays(1)).toString().replace("Z", "+00:00"), List.of("DELIVERY"),
                "受暴雪影响，东区明日暂停送货，订单顺延至恢复后首个送货日；暂停期间可现金结算", true)));
        var customers = as("chenjing", () -> service.customers(s.id()));
        customers.stream().limit(Math.max(0, customers.size() - 3)).filter(c -> c.customerManager() != null)
                .forEach(c -> as(c.customerManager(), () -> service.markNotified(s.id(), c.customerCode())));
        as("chenjing", () -> service.end(s.id(), from.plus(Duration.ofDays(1)).toString().replace("Z", "+00:00"), null));
        log.info("Demo service suspension created with {} customers", customers.size());
    }

    private <T> T as(String username, Supplier<T> action) {
        return CurrentUsers.runAs(users.find(username).orElseThrow(), action);
    }
}
