package com.tobacco.retailcrm.maintenance.change;

import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.customer.api.CustomerSummary;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.workflow.api.WorkflowClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * 演示修改单 — with {@code crm.demo=true} and no change request yet: six requests of the demo people, each type at a
 * different step (one completed with the customer told, one rejected), three of them overdue (raised or moved days or
 * hours ago on the engine's clock). Raised and moved through the service as the demo users, so they are real cases.
 */
@Component
@Order(60)
class DemoChangeRequests implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoChangeRequests.class);

    private final CrmProperties properties;
    private final ChangeRequestService service;
    private final CustomerArchive archive;
    private final UserDirectory users;
    private final WorkflowClock clock;
    private final JdbcTemplate jdbc;

    DemoChangeRequests(CrmProperties properties, ChangeRequestService service, CustomerArchive archive,
                       UserDirectory users, WorkflowClock clock, JdbcTemplate jdbc) {
        this.properties = properties;
        this.service = service;
        this.archive = archive;
        this.users = users;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long existing = jdbc.queryForObject("select count(*) from change_request", Long.class);
        if (!properties.demo() || existing == null || existing > 0 || users.find("zhangwei").isEmpty()) {
            return;
        }
        seed();
    }

    private void seed() {
        List<String> city = customersOf("zhangwei");
        List<String> east = customersOf("huangyong");
        List<String> other = customersOf("liqiang");
        List<String> west = customersOf("wupeng");
        if (city.size() < 3 || east.isEmpty() || other.isEmpty() || west.isEmpty()) {
            log.info("Demo change requests skipped: the demo customers are missing");
            return;
        }
        Instant now = clock.now();
        // raised six days ago and still waiting for the county's check: late
        raise("zhangwei", now.minus(Duration.ofDays(6)), city.get(0), ChangeType.GENERAL, "店铺搬迁至同街道新址，营业执照已变更",
                Map.of("address", "人民路218号（新址）", "businessArea", "45.5"));

        long phone = raise("zhangwei", now, city.get(1), ChangeType.PHONE, "客户本人来电申请更换订货电话",
                Map.of("orderPhone", "13975112345"));
        act("zhangwei", now, phone, "APPROVE", "已与店主本人核实");

        // approved four days ago, the market department's 维护 is late
        Instant attributeRaised = now.minus(Duration.ofDays(4));
        long attribute = raise("huangyong", attributeRaised, east.get(0), ChangeType.ATTRIBUTE, "店面扩建为超市，按业态标准调整",
                Map.of("retailFormat", "3", "monthlyAgreedQty", "160"));
        act("huangyong", attributeRaised.plus(Duration.ofHours(1)), attribute, "APPROVE", "经现场核对符合超市标准");
        act("hegang", attributeRaised.plus(Duration.ofHours(2)), attribute, "APPROVE", "同意");

        // half an hour per urgent step; raised two hours ago
        raise("liqiang", now.minus(Duration.ofHours(2)), other.get(0), ChangeType.URGENT, "客户停业整顿，需立即暂停供货",
                Map.of("status", "SUSPENDED"));

        String day = "WED".equals(as("wupeng", () -> archive.find(west.get(0)).orElseThrow().get("orderDay")))
                ? "THU" : "WED";
        long cycle = raise("wupeng", now, west.get(0), ChangeType.ORDER_CYCLE, "线路优化，调整订货日",
                Map.of("orderDay", day));
        act("yangfan", now, cycle, "APPROVE", "同意按新线路执行");
        act("liuyang", now, cycle, "DONE", "已维护");
        act("wupeng", now, cycle, "DONE", "已电话告知店主新的订货日，下周起执行");

        long rejected = raise("zhangwei", now, city.get(2), ChangeType.GENERAL, "更正店铺名称",
                Map.of("storeName", "张记便民超市"));
        act("sunwei", now, rejected, "REJECT", "店名须与许可证一致，请先办理许可证变更");
        log.info("Demo change requests created");
    }

    private List<String> customersOf(String manager) {
        return as(manager, () -> archive.search(new CustomerQuery(null, null, null, "ACTIVE", manager, null, null,
                Map.of()), PageQuery.of(0, 5, null, Set.of("customerCode"), "customerCode,asc")).items().stream()
                .map(CustomerSummary::customerCode).toList());
    }

    /** Raises a request as if at {@code at}: its case, its first step's creation and due time run from then. */
    private long raise(String who, Instant at, String code, ChangeType type, String reason, Map<String, Object> changes) {
        return clock.asOf(at, () -> as(who, () -> service.raise(new ChangeRequestService.RaiseCommand(code, type.name(),
                changes, reason)))).request().id();
    }

    private void act(String who, Instant at, long id, String action, String comment) {
        clock.asOf(at, () -> as(who, () -> service.complete(id, action, comment)));
    }

    private <T> T as(String username, Supplier<T> action) {
        return CurrentUsers.runAs(users.find(username).orElseThrow(), action);
    }
}
