package com.tobacco.retailcrm.service.supply;

import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.customer.api.CustomerSummary;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.workflow.api.TaskAction;
import com.tobacco.retailcrm.workflow.api.WorkflowClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * 演示应急货源 — with {@code crm.demo=true} and an empty catalogue: the brands of a provincial catalogue by supply class,
 * 明码实价 confirmed by the monopoly officer (吴军) for a few customers, and requests at each step: waiting for 客服部主任
 * (钱慧), for 营销中心副经理 (宋涛), a special one waiting for the 市场经理's review and one reviewed, one approved, one
 * rejected; and two raised three days ago still waiting, late on the approvers' to-do lists.
 */
@Component
@Order(95)
class DemoSupply implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSupply.class);
    private static final List<String[]> BRANDS = List.of(
            new String[]{"HTS-JD", "红塔山(经典)", "GENERAL"}, new String[]{"BS-JP", "白沙(精品)", "GENERAL"},
            new String[]{"FRW-YP", "芙蓉王(硬)", "GENERAL"}, new String[]{"LQ-XB", "利群(新版)", "GENERAL"},
            new String[]{"YY-ZI", "云烟(紫)", "GENERAL"}, new String[]{"HH-Y", "红河(硬)", "GENERAL"},
            new String[]{"ZH-R", "中华(软)", "SCARCE"}, new String[]{"HJL-1916", "黄鹤楼(1916)", "CONTROLLED"},
            new String[]{"FRW-LS", "芙蓉王(蓝)", "SCARCE"});

    private final CrmProperties properties;
    private final EmergencySupplyService service;
    private final CustomerArchive archive;
    private final UserDirectory users;
    private final JdbcTemplate jdbc;
    private final WorkflowClock clock;

    DemoSupply(CrmProperties properties, EmergencySupplyService service, CustomerArchive archive, UserDirectory users,
               JdbcTemplate jdbc, WorkflowClock clock) {
        this.clock = clock;
        this.properties = properties;
        this.service = service;
        this.archive = archive;
        this.users = users;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long existing = jdbc.queryForObject("select count(*) from supply_brand", Long.class);
        if (!properties.demo() || existing == null || existing > 0 || users.find("yangfan").isEmpty()
                || users.find("qianhui").isEmpty()) {
            return;
        }
        as("yangfan", () -> BRANDS.stream().map(b -> service.addBrand(b[0], b[1], b[2])).toList());
        List<String> city = eligible("zhangwei");
        List<String> east = eligible("huangyong");
        if (city.size() < 4 || east.size() < 2) {
            log.info("Demo emergency supply: brands only, the demo customers are missing");
            return;
        }
        raise("zhangwei", city.get(0), "WEDDING", false, "婚宴用烟，40桌", "HTS-JD", 20, "BS-JP", 10);
        raise("huangyong", east.get(0), "GROUP_PURCHASE", false, "企业年会团购", "FRW-YP", 50, "LQ-XB", 30);
        raise("zhangwei", city.get(1), "FUNERAL", true, "丧事用烟，订货日外临时补货", "BS-JP", 15);
        raise("huangyong", east.get(1), "BIRTHDAY", true, "老人八十大寿", "YY-ZI", 12)
                .ifPresent(id -> decide("hegang", id, TaskAction.APPROVE, "情况属实，同意上报"));
        raise("zhangwei", city.get(2), "MEETING", false, "村委会议用烟", "HH-Y", 8)
                .ifPresent(id -> decide("qianhui", id, TaskAction.APPROVE, "同意，按订货日供货"));
        raise("zhangwei", city.get(3), "OTHER", false, "店庆促销备货", "HTS-JD", 70)
                .ifPresent(id -> decide("songtao", id, TaskAction.REJECT, "促销备货不属应急供货范围，请按正常订货"));
        // two raised three days ago and still waiting: late on the approvers' to-do lists (限时 0.5 working day)
        Instant threeDaysAgo = clock.now().minus(Duration.ofDays(3));
        if (city.size() > 4) {
            clock.asOf(threeDaysAgo, () -> raise("zhangwei", city.get(4), "WEDDING", false, "婚宴用烟，20桌", "LQ-XB", 15));
        }
        if (east.size() > 2) {
            clock.asOf(threeDaysAgo, () -> raise("huangyong", east.get(2), "FUNERAL", true, "丧事用烟，急需补货",
                    "HTS-JD", 10));
        }
        log.info("Demo emergency-supply requests created");
    }

    /** Active customers of the manager whose marked prices the monopoly officer confirms now. */
    private List<String> eligible(String manager) {
        List<String> codes = as(manager, () -> archive.search(new CustomerQuery(null, null, null, "ACTIVE", manager,
                null, null, Map.of()), PageQuery.of(0, 8, null, Set.of("customerCode"), "customerCode,asc")).items()
                .stream().map(CustomerSummary::customerCode).toList());
        List<String> confirmed = new ArrayList<>();
        for (String code : codes) {
            as("wujun", () -> archive.applyChanges(code, Map.of("markedPrices", true), null, ChangeSource.direct()));
            confirmed.add(code);
        }
        return confirmed;
    }

    /** The request's id, or empty when the customer is not eligible (a demo violation): the demo goes on without it. */
    private java.util.OptionalLong raise(String manager, String code, String reason, boolean special, String note,
                                         Object... lines) {
        List<EmergencySupplyService.LineCommand> commands = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 2) {
            commands.add(new EmergencySupplyService.LineCommand((String) lines[i], lines[i + 1]));
        }
        try {
            return java.util.OptionalLong.of(as(manager, () -> service.raise(new EmergencySupplyService.RaiseCommand(
                    code, reason, LocalDate.now(properties.zone()).plusDays(3).toString(), commands, special, note))).id());
        } catch (com.tobacco.retailcrm.shared.api.BusinessRuleException e) {
            log.info("Demo emergency supply for {} skipped: {}", code, e.getMessage());
            return java.util.OptionalLong.empty();
        }
    }

    private void decide(String who, long id, TaskAction action, String note) {
        as(who, () -> service.decide(id, action, note, null));
    }

    private <T> T as(String username, Supplier<T> action) {
        return CurrentUsers.runAs(users.find(username).orElseThrow(), action);
    }
}
