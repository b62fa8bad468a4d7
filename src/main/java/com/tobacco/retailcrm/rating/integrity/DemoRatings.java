package com.tobacco.retailcrm.rating.integrity;

import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.customer.api.CustomerSummary;
import com.tobacco.retailcrm.rating.evaluation.EvaluationService;
import com.tobacco.retailcrm.rating.violation.ViolationService;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
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
 * 演示诚信与评价 — with {@code crm.demo=true}, no violation and no rating yet, and the demo people present: violations
 * recorded by 吴军 (some corrected), ratings in every state (a batch of preliminary ones; two in notice, one with an
 * open appeal by the customer manager and one with a rejected appeal; two final with the grade in the archive), and
 * the evaluation of last month. Made through the services as the demo users, so they are real records.
 */
@Component
@Order(90)
class DemoRatings implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRatings.class);
    private static final String OFFICER = "wujun";

    private final CrmProperties properties;
    private final RatingService ratings;
    private final ViolationService violations;
    private final EvaluationService evaluations;
    private final CustomerArchive archive;
    private final UserDirectory users;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoRatings(CrmProperties properties, RatingService ratings, ViolationService violations,
                EvaluationService evaluations, CustomerArchive archive, UserDirectory users, JdbcTemplate jdbc,
                Clock clock) {
        this.properties = properties;
        this.ratings = ratings;
        this.violations = violations;
        this.evaluations = evaluations;
        this.archive = archive;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long existing = jdbc.queryForObject("select (select count(*) from violation) + (select count(*) from "
                + "integrity_rating)", Long.class);
        if (!properties.demo() || existing == null || existing > 0 || users.find(OFFICER).isEmpty()
                || users.find("zhangwei").isEmpty()) {
            return;
        }
        seed();
    }

    private void seed() {
        List<String> city = customersOf("zhangwei", 12);
        List<String> east = customersOf("huangyong", 4);
        if (city.size() < 12 || east.size() < 4) {
            log.info("Demo ratings skipped: the demo customers are missing");
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());
        violation(city.get(0), today.minusDays(40), "MINOR", "未按规定明码标价", today.minusDays(33));
        violation(city.get(1), today.minusDays(75), "SERIOUS", "销售无合法来源卷烟 12 条", null);
        violation(city.get(2), today.minusDays(20), "MINOR", "许可证未悬挂于醒目位置", today.minusDays(18));
        violation(city.get(2), today.minusDays(150), "MINOR", "向未成年人出售卷烟（经教育已整改）", today.minusDays(140));
        violation(east.get(0), today.minusDays(12), "MINOR", "超范围经营（雪茄烟无备案）", null);
        violation(east.get(1), today.minusDays(200), "SERIOUS", "跨区域销售卷烟", today.minusDays(170));

        // final: grades in the archive (notice started 25 days ago has ended)
        finalRating(city.get(3), "A", "全年无违规，店主配合检查，满意度测评优秀");
        finalRating(city.get(1), "D", "近一年内销售无合法来源卷烟，属严重违规");
        // in notice: one appeal open, one answered (rejected)
        long open = inNotice(city.get(0), "C", "存在轻微违规，已整改");
        as("zhangwei", () -> ratings.appeal(open, "店主表示明码标价问题当日即整改，且近期无其他违规，申请评为 B 级", null));
        long answered = inNotice(city.get(2), "C", "近一年两次轻微违规，均已整改");
        as("zhouli", () -> ratings.appeal(answered, "客户来电：认为第二次违规系误判", null));
        long appealId = as(OFFICER, () -> ratings.get(answered)).appeals().get(0).id();
        as(OFFICER, () -> ratings.answer(answered, appealId, "REJECTED", "经复核现场检查记录，违规事实清楚，维持原评定", null,
                null));
        // preliminary: a batch of four, not yet published
        as(OFFICER, () -> ratings.proposeBatch(List.of(
                new RatingService.Proposal(city.get(4), "B", "季度信息采集，无严重违规"),
                new RatingService.Proposal(city.get(5), "A", "季度信息采集，守法经营，无违规"),
                new RatingService.Proposal(east.get(2), "B", "季度信息采集，无严重违规"),
                new RatingService.Proposal(east.get(0), "C", "本月轻微违规，尚未整改"))));

        String lastMonth = YearMonth.from(today).minusMonths(1).toString();
        as("liuyang", () -> evaluations.compute(lastMonth));
        log.info("Demo violations, integrity ratings and the evaluation of {} created", lastMonth);
    }

    private void violation(String code, LocalDate on, String type, String description, LocalDate correctedOn) {
        as(OFFICER, () -> violations.record(new ViolationService.RecordCommand(code, on.toString(), type, description,
                correctedOn != null, correctedOn == null ? null : correctedOn.toString())));
    }

    private void finalRating(String code, String grade, String basis) {
        long id = as(OFFICER, () -> ratings.propose(new RatingService.Proposal(code, grade, basis))).id();
        as(OFFICER, () -> ratings.publish(id, clock.instant().minus(Duration.ofDays(25))
                .atZone(properties.zone()).toOffsetDateTime().toString(), null));
        as(OFFICER, () -> ratings.finalizeRating(id, null));
    }

    private long inNotice(String code, String grade, String basis) {
        long id = as(OFFICER, () -> ratings.propose(new RatingService.Proposal(code, grade, basis))).id();
        as(OFFICER, () -> ratings.publish(id, clock.instant().minus(Duration.ofDays(2))
                .atZone(properties.zone()).toOffsetDateTime().toString(), null));
        return id;
    }

    private List<String> customersOf(String manager, int count) {
        return as(manager, () -> archive.search(new CustomerQuery(null, null, null, "ACTIVE", manager, null, null,
                Map.of()), PageQuery.of(0, count, null, Set.of("customerCode"), "customerCode,asc")).items().stream()
                .map(CustomerSummary::customerCode).toList());
    }

    private <T> T as(String username, Supplier<T> action) {
        return CurrentUsers.runAs(users.find(username).orElseThrow(), action);
    }
}
