package com.tobacco.retailcrm.workflow.change;

import com.tobacco.retailcrm.calendar.api.WorkingCalendar;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.customer.api.CustomerSummary;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.sql.Timestamp;
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
 * different step (one completed with the customer told, one rejected), three of them overdue (their open step was
 * opened days or hours ago). Raised and moved through the service as the demo users, so they are real cases.
 */
@Component
@Order(60)
class DemoChangeRequests implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoChangeRequests.class);

    private final CrmProperties properties;
    private final ChangeRequestService service;
    private final CustomerArchive archive;
    private final UserDirectory users;
    private final StepLimits limits;
    private final WorkingCalendar calendar;
    private final JdbcTemplate jdbc;

    DemoChangeRequests(CrmProperties properties, ChangeRequestService service, CustomerArchive archive,
                       UserDirectory users, StepLimits limits, WorkingCalendar calendar, JdbcTemplate jdbc) {
        this.properties = properties;
        this.service = service;
        this.archive = archive;
        this.users = users;
        this.limits = limits;
        this.calendar = calendar;
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
        long general = raise("zhangwei", city.get(0), ChangeType.GENERAL, "店铺搬迁至同街道新址，营业执照已变更",
                Map.of("address", "人民路218号（新址）", "businessArea", "45.5"));
        backdate(general, Duration.ofDays(6));

        long phone = raise("zhangwei", city.get(1), ChangeType.PHONE, "客户本人来电申请更换订货电话",
                Map.of("orderPhone", "13975112345"));
        as("zhangwei", () -> service.complete(phone, "APPROVE", "已与店主本人核实"));

        long attribute = raise("huangyong", east.get(0), ChangeType.ATTRIBUTE, "店面扩建为超市，按业态标准调整",
                Map.of("retailFormat", "3", "monthlyAgreedQty", "160"));
        as("huangyong", () -> service.complete(attribute, "APPROVE", "经现场核对符合超市标准"));
        as("hegang", () -> service.complete(attribute, "APPROVE", "同意"));
        backdate(attribute, Duration.ofDays(4));

        long urgent = raise("liqiang", other.get(0), ChangeType.URGENT, "客户停业整顿，需立即暂停供货",
                Map.of("status", "SUSPENDED"));
        backdate(urgent, Duration.ofHours(2));

        String day = "WED".equals(as("wupeng", () -> archive.find(west.get(0)).orElseThrow().get("orderDay")))
                ? "THU" : "WED";
        long cycle = raise("wupeng", west.get(0), ChangeType.ORDER_CYCLE, "线路优化，调整订货日",
                Map.of("orderDay", day));
        as("yangfan", () -> service.complete(cycle, "APPROVE", "同意按新线路执行"));
        as("liuyang", () -> service.complete(cycle, "DONE", "已维护"));
        as("wupeng", () -> service.complete(cycle, "DONE", "已电话告知店主新的订货日，下周起执行"));

        long rejected = raise("zhangwei", city.get(2), ChangeType.GENERAL, "更正店铺名称",
                Map.of("storeName", "张记便民超市"));
        as("sunwei", () -> service.complete(rejected, "REJECT", "店名须与许可证一致，请先办理许可证变更"));
        log.info("Demo change requests created");
    }

    private List<String> customersOf(String manager) {
        return as(manager, () -> archive.search(new CustomerQuery(null, null, null, "ACTIVE", manager, null, null,
                Map.of()), PageQuery.of(0, 5, null, Set.of("customerCode"), "customerCode,asc")).items().stream()
                .map(CustomerSummary::customerCode).toList());
    }

    private long raise(String who, String code, ChangeType type, String reason, Map<String, Object> changes) {
        return as(who, () -> service.raise(new ChangeRequestService.RaiseCommand(code, type.name(), changes, reason)))
                .request().id();
    }

    /** Moves the request's history back so its open step is late: as if it had been raised that long ago. */
    private void backdate(long id, Duration ago) {
        var c = service.load(id);
        jdbc.update("update change_request set created_at = created_at - ? * interval '1 second' where id = ?",
                ago.toSeconds(), id);
        for (ChangeRequest.Step s : c.steps()) {
            Instant created = s.createdAt().minus(ago);
            StepLimits.Limit limit = limits.of(c.request().type(), s.key());
            Instant due = calendar.due(created, limit.amount(), limit.unit());
            jdbc.update("update change_request_step set created_at = ?, due_at = ?, completed_at = ? where id = ?",
                    Timestamp.from(created), Timestamp.from(due),
                    s.completedAt() == null ? null : Timestamp.from(s.completedAt().minus(ago)), s.id());
        }
    }

    private <T> T as(String username, Supplier<T> action) {
        return CurrentUsers.runAs(users.find(username).orElseThrow(), action);
    }
}
