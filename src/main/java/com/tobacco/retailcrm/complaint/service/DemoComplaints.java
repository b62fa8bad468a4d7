package com.tobacco.retailcrm.complaint.service;

import com.tobacco.retailcrm.complaint.domain.Category;
import com.tobacco.retailcrm.complaint.domain.Channel;
import com.tobacco.retailcrm.complaint.domain.Priority;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.customer.api.CustomerSummary;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * 演示投诉 — with {@code crm.demo=true} and no complaint yet: 80 complaints over the last two months across channels and
 * categories, taken in by the desk (周丽, 刘洋) and handled through the service by the customers' managers (a
 * staff-conduct one by the accused's superior). Most are closed; some were answered or resolved late, some reopened
 * by an unsatisfied callback, the newest are still open (a few already overdue, which the escalation job picks up).
 * Each is then moved back to its received time with everything that happened to it, and numbered by month.
 */
@Component
@Order(70)
class DemoComplaints implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoComplaints.class);
    private static final int COUNT = 80;
    private static final List<String> CAUSES = List.of("送货线路调整", "货源紧张", "订货系统故障", "结算到账延迟",
            "服务用语不规范", "价格标签不清", "包装破损", "执法程序解释不到位");
    private static final Map<Category, String> TEXT = Map.of(
            Category.SUPPLY, "紧俏品规连续两周未满足订货需求",
            Category.DELIVERY, "送货晚到半天，且未提前电话告知",
            Category.ORDERING, "网上订货页面提交时报错，未能按时订货",
            Category.SETTLEMENT, "电子结算扣款两次，要求退回",
            Category.STAFF_CONDUCT, "客户经理上门时态度生硬，解释不耐心",
            Category.PRICE, "部分品规建议零售价与标签不一致",
            Category.PRODUCT_QUALITY, "整条卷烟外包装受潮破损",
            Category.MONOPOLY, "对检查结果有异议，要求说明依据",
            Category.OTHER, "咨询许可证延续办理流程");

    private final CrmProperties properties;
    private final ComplaintIntake intake;
    private final ComplaintActions service;
    private final ComplaintListing listing;
    private final CustomerArchive archive;
    private final UserDirectory users;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoComplaints(CrmProperties properties, ComplaintIntake intake, ComplaintActions service, ComplaintListing listing,
                   CustomerArchive archive, UserDirectory users, JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.intake = intake;
        this.service = service;
        this.listing = listing;
        this.archive = archive;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long existing = jdbc.queryForObject("select count(*) from complaint", Long.class);
        if (!properties.demo() || existing == null || existing > 0 || users.find("zhouli").isEmpty()) {
            return;
        }
        seed();
    }

    private void seed() {
        List<CustomerSummary> customers = as("zhouli", () -> archive.search(new CustomerQuery(null, null, null,
                "ACTIVE", null, null, null, Map.of()), PageQuery.of(0, 300, null, Set.of("customerCode"),
                "customerCode,asc")).items()).stream().filter(c -> c.customerManager() != null).toList();
        if (customers.size() < 20) {
            log.info("Demo complaints skipped: the demo customers are missing");
            return;
        }
        Random random = new Random(12313);
        Instant now = clock.instant();
        for (int i = 0; i < COUNT; i++) {
            CustomerSummary customer = customers.get(random.nextInt(customers.size()));
            Category category = Category.values()[random.nextInt(Category.values().length)];
            Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
            int p = random.nextInt(10);
            Priority priority = p < 7 ? Priority.NORMAL : p < 9 ? Priority.URGENT : Priority.MAJOR;
            // spread over 60 days, the newest first in the loop's second half so that they stay open
            Duration age = Duration.ofMinutes((long) ((COUNT - i) * (60.0 * 24 * 60 / COUNT)) - random.nextInt(600));
            String desk = random.nextBoolean() ? "zhouli" : "liuyang";
            String manager = customer.customerManager();
            boolean conduct = category == Category.STAFF_CONDUCT;
            String assignee = conduct ? users.find(manager).map(UserRef::supervisor).orElse("zhouli") : manager;
            if (assignee == null) {
                assignee = "zhouli";
            }
            String handler = assignee;
            long id = as(desk, () -> intake.intake(new ComplaintIntake.IntakeCommand(customer.customerCode(),
                    "店主", "13" + String.format("%09d", random.nextInt(1_000_000_000)), channel.name(),
                    category.name(), priority.name(), TEXT.get(category), now.minusSeconds(60).toString(),
                    conduct ? manager : null, null))).complaint().id();
            double stage = age.toDays() > 10 ? 1.0 : random.nextDouble();
            boolean late = random.nextInt(5) == 0;
            boolean reopened = random.nextInt(8) == 0;
            String cause = CAUSES.get(random.nextInt(CAUSES.size()));
            as(desk, () -> service.assign(id, null, handler, null));
            if (stage > 0.2) {
                as(handler, () -> service.respond(id, null, "已与店主电话沟通，正在核实"));
            }
            if (stage > 0.45) {
                as(handler, () -> service.resolve(id, null, "经核实已处理：" + cause + "，已向店主书面说明。", cause));
                if (reopened) {
                    as(desk, () -> service.callback(id, null, "UNSATISFIED", "店主认为问题仍未解决", "CALL_CENTRE"));
                    as(handler, () -> service.resolve(id, null, "二次上门处理完毕，店主确认。", cause));
                }
            }
            if (stage > 0.6) {
                for (var level : listing.requiredCallbacks(priority)) {
                    as(desk, () -> service.callback(id, null, random.nextInt(4) == 0 ? "BASICALLY_SATISFIED"
                            : "SATISFIED", "回访确认", level.name()));
                }
            }
            if (stage > 0.7) {
                as(desk, () -> service.close(id, null));
            }
            moveBack(id, age, late);
        }
        renumber();
        log.info("Demo complaints created: {}", COUNT);
    }

    /** Moves the complaint and its history back by {@code age}; a late one got its answers after the due times. */
    private void moveBack(long id, Duration age, boolean late) {
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        long s = age.toSeconds() + 60;
        String by = " - ? * interval '1 second'";
        jdbc.update("update complaint set received_at = received_at" + by + ", created_at = created_at" + by
                + ", due_first_response_at = due_first_response_at" + by + ", due_resolution_at = due_resolution_at" + by
                + ", first_response_at = first_response_at" + by + ", resolved_at = resolved_at" + by
                + ", closed_at = closed_at" + by + " where id = ?", s, s, s, s, s, s, s, id);
        jdbc.update("update complaint_event set at = at" + by + " where complaint_id = ?", s, id);
        jdbc.update("update complaint_callback set at = at" + by + " where complaint_id = ?", s, id);
        // the real handling took hours, not seconds: answers spread within the limits, or past them when late
        jdbc.update("""
                update complaint set
                  first_response_at = least(?, case when first_response_at is null then null when ? then
                    due_first_response_at + interval '3 hours'
                    else received_at + (due_first_response_at - received_at) * 0.4 end),
                  resolved_at = least(?, case when resolved_at is null then null when ? then
                    due_resolution_at + interval '10 hours' else received_at + (due_resolution_at - received_at) * 0.7 end)
                where id = ?""", now, late, now, late, id);
        jdbc.update("""
                update complaint set closed_at = least(?, greatest(closed_at, resolved_at + interval '1 day'))
                where id = ? and closed_at is not null""", now, id);
    }

    /** Numbers by the month each complaint was (now) taken in, in order, and the sequences to go on from there. */
    private void renumber() {
        jdbc.update("""
                update complaint c set number = n.number from (
                  select id, 'TS' || to_char(created_at at time zone 'Asia/Shanghai', 'YYYYMM') || '-'
                    || lpad(row_number() over (partition by to_char(created_at at time zone 'Asia/Shanghai', 'YYYYMM')
                       order by created_at, id)::text, 5, '0') || '~' as number from complaint) n
                where n.id = c.id""");
        jdbc.update("update complaint set number = replace(number, '~', '')");
        jdbc.update("delete from complaint_number");
        jdbc.update("""
                insert into complaint_number (month, last_value)
                select substr(number, 3, 6), max(substr(number, 10)::int) from complaint group by 1""");
    }

    private <T> T as(String username, Supplier<T> action) {
        return CurrentUsers.runAs(users.find(username).orElseThrow(), action);
    }
}
