package com.tobacco.retailcrm.service.visit;

import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.customer.api.CustomerSummary;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 演示拜访 — with {@code crm.demo=true} and no visit yet: the last month of visits of the demo customer managers, most
 * customers visited on their cycle, some missed (so the week plan has overdue ones and coverage is below 1), with
 * findings and now and then a sales anomaly; and a few care customers: a birthday and a shop anniversary in the coming
 * days and two vulnerable-group retailers (one visited for care recently, one not). The visits are history, written
 * as of their days (the demo customers themselves were only just created), so they bypass the record's date rules.
 */
@Component
@Order(75)
class DemoVisits implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVisits.class);
    private static final List<String> MANAGERS = List.of("zhangwei", "wangfang", "liqiang", "liumin", "chenlei",
            "huangyong", "zhaojing", "wupeng", "zhengli");
    private static final List<String> FINDINGS = List.of("店面整洁，陈列规范，价签齐全", "柜台卷烟陈列偏少，已指导补充",
            "店主反映紧俏品规到货不足", "新开通电子结算，运转正常", "门头招牌更换，拍照存档", "周边新开便利店，客流有所分流");
    private static final List<String> ANOMALIES = List.of("本周购进量较上月同期下降三成", "高端品规连续两周未订货");

    private final CrmProperties properties;
    private final CustomerArchive archive;
    private final UserDirectory users;
    private final VisitStore store;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoVisits(CrmProperties properties, CustomerArchive archive, UserDirectory users, VisitStore store,
               JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.archive = archive;
        this.users = users;
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long existing = jdbc.queryForObject("select count(*) from visit", Long.class);
        if (!properties.demo() || existing == null || existing > 0 || users.find("zhangwei").isEmpty()) {
            return;
        }
        ZoneId zone = properties.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Random random = new Random(20261101L);
        int count = 0;
        for (String manager : MANAGERS) {
            List<String> customers = customersOf(manager);
            for (int i = 0; i < customers.size(); i++) {
                // every fifth customer was missed this month: overdue on the plan, a gap in coverage
                int step = i % 5 == 4 ? 40 : (i % 3 == 0 ? 7 : 14);
                for (LocalDate day = today.minusDays(1 + random.nextInt(5)); !day.isBefore(today.minusDays(30));
                     day = day.minusDays(step)) {
                    Instant at = day.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(zone).toInstant();
                    String anomaly = random.nextInt(6) == 0 ? ANOMALIES.get(random.nextInt(ANOMALIES.size())) : null;
                    store.insert(customers.get(i), manager, at, day, VisitPurpose.ROUTINE,
                            FINDINGS.get(random.nextInt(FINDINGS.size())), anomaly, List.of("storeName", "address"),
                            List.of(), anomaly == null ? null : "下次拜访跟进购进情况", at);
                    count++;
                }
            }
        }
        careCustomers(today, zone);
        log.info("Demo visits created: {}", count);
    }

    private void careCustomers(LocalDate today, ZoneId zone) {
        List<String> city = customersOf("zhangwei");
        List<String> east = customersOf("huangyong");
        if (city.size() < 4 || east.size() < 2) {
            return;
        }
        DateTimeFormatter mmdd = DateTimeFormatter.ofPattern("MM-dd");
        as("liuyang", () -> {
            archive.applyChanges(city.get(0), Map.of("birthday", today.plusDays(3).format(mmdd)), null, ChangeSource.direct());
            archive.applyChanges(city.get(1), Map.of("openedOn", today.plusDays(6).minusYears(5)), null, ChangeSource.direct());
            archive.applyChanges(city.get(2), Map.of("vulnerableGroup", true, "vulnerableKind", "ELDERLY_ALONE"), null,
                    ChangeSource.direct());
            archive.applyChanges(east.get(0), Map.of("vulnerableGroup", true, "vulnerableKind", "DISABLED"), null,
                    ChangeSource.direct());
            return null;
        });
        LocalDate day = today.minusDays(4);
        Instant at = day.atTime(15, 0).atZone(zone).toInstant();
        store.insert(east.get(0), "huangyong", at, day, VisitPurpose.CARE, "上门看望，帮助整理货架并讲解网上订货",
                null, List.of("vulnerableGroup"), List.of(), "下月再次上门", at);
    }

    private List<String> customersOf(String manager) {
        return as(manager, () -> archive.search(new CustomerQuery(null, null, null, "ACTIVE", manager, null, null,
                Map.of()), PageQuery.of(0, 60, null, Set.of("customerCode"), "customerCode,asc")).items().stream()
                .map(CustomerSummary::customerCode).toList());
    }

    private <T> T as(String username, Supplier<T> action) {
        return CurrentUsers.runAs(users.find(username).orElseThrow(), action);
    }
}
