package com.tobacco.retailcrm.report.orders;

import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.customer.api.CustomerSummary;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 演示订货数据 — with {@code crm.demo=true} and no order data yet: last month's days for every active demo customer, as
 * the distribution system would send them: about one order in three days, nearly all successful, most settled
 * electronically (a few customers still pay in cash).
 */
@Component
@Order(85)
class DemoDailyOrders implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDailyOrders.class);

    private final CrmProperties properties;
    private final DailyOrders orders;
    private final CustomerArchive archive;
    private final UserDirectory users;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoDailyOrders(CrmProperties properties, DailyOrders orders, CustomerArchive archive, UserDirectory users,
                    JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.orders = orders;
        this.archive = archive;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long existing = jdbc.queryForObject("select count(*) from order_daily", Long.class);
        if (!properties.demo() || existing == null || existing > 0 || users.find("liuyang").isEmpty()) {
            return;
        }
        CurrentUsers.runAs(users.find("liuyang").orElseThrow(), () -> {
            seed();
            return null;
        });
    }

    private void seed() {
        List<CustomerSummary> customers = archive.search(new CustomerQuery(null, null, null, "ACTIVE", null, null, null,
                Map.of()), PageQuery.of(0, 500, null, Set.of("customerCode"), "customerCode,asc")).items();
        YearMonth month = YearMonth.from(LocalDate.now(clock.withZone(properties.zone()))).minusMonths(1);
        Random random = new Random(202611);
        List<DailyOrders.Input> rows = new ArrayList<>();
        for (CustomerSummary c : customers) {
            boolean cash = random.nextInt(8) == 0;
            for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
                boolean ordered = random.nextInt(3) == 0;
                boolean succeeded = ordered && random.nextInt(25) != 0;
                boolean electronic = succeeded && !cash && random.nextInt(12) != 0;
                rows.add(new DailyOrders.Input(c.customerCode(), d.toString(), String.valueOf(ordered),
                        String.valueOf(succeeded), String.valueOf(electronic)));
                if (rows.size() == DailyOrders.MAX_BATCH) {
                    orders.record(rows);
                    rows = new ArrayList<>();
                }
            }
        }
        if (!rows.isEmpty()) {
            orders.record(rows);
        }
        log.info("Demo daily orders: {} customers over {}", customers.size(), month);
    }
}
