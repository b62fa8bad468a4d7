package com.tobacco.retailcrm.service.notice;

import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
 * 演示信息 — with {@code crm.demo=true} and none yet: the sales department's (杨帆) supply disclosures of last week and
 * this week to every customer, a market note of the market department (刘洋) to the east county's convenience stores
 * and supermarkets, and a policy notice scheduled for tomorrow; a part of the retailers has read them.
 */
@Component
@Order(97)
class DemoNotices implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoNotices.class);

    private final CrmProperties properties;
    private final NoticeService service;
    private final UserDirectory users;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoNotices(CrmProperties properties, NoticeService service, UserDirectory users, JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.service = service;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long existing = jdbc.queryForObject("select count(*) from notice", Long.class);
        if (!properties.demo() || existing == null || existing > 0 || users.find("yangfan").isEmpty()
                || users.find("liuyang").isEmpty()) {
            return;
        }
        var everyone = new Notice.Audience(List.of(), List.of(), List.of());
        Notice lastWeek = as("yangfan", () -> service.publish(new NoticeService.PublishCommand("SUPPLY",
                "上周货源投放公开", "本周期投放品规 42 个，按档位投放；紧俏品规 芙蓉王（硬）按 1–30 档 1–5 条投放，"
                + "其余常销品规按需供应。如有疑问请联系您的客户经理。", everyone, null)));
        backdate(lastWeek.id(), Duration.ofDays(7));
        as("yangfan", () -> service.publish(new NoticeService.PublishCommand("SUPPLY", "本周货源投放公开",
                "本周期投放品规 45 个，新增 白沙（精品三代）；芙蓉王（硬）按 1–30 档 1–4 条投放，其余品规按需供应。",
                everyone, null)));
        as("liuyang", () -> service.publish(new NoticeService.PublishCommand("MARKET", "东县便利店、超市销售动态",
                "近两周东县中高档卷烟销量环比上升 6%，节前备货请关注库存与资金安排，按订货日正常订货。",
                new Notice.Audience(List.of("EAST"), List.of("2", "3"), List.of()), null)));
        as("liuyang", () -> service.publish(new NoticeService.PublishCommand("POLICY", "明码实价执行要求",
                "请各零售客户按规定摆放价签，做到一烟一签、明码实价，市场部将于下月起开展检查。", everyone,
                clock.instant().plus(Duration.ofDays(1)).atZone(properties.zone()).toOffsetDateTime().toString())));
        int read = jdbc.update("""
                update notice_recipient r set read_at = n.published_at + interval '3 hours',
                    receipt_at = n.published_at + interval '3 hours'
                from notice n where n.id = r.notice_id and n.status = 'PUBLISHED' and abs(hashtext(r.customer_code)) % 3 = 0""");
        log.info("Demo notices published, {} reading receipts", read);
    }

    private void backdate(long id, Duration by) {
        Timestamp at = Timestamp.from(clock.instant().minus(by));
        jdbc.update("update notice set publish_at = ?, published_at = ?, created_at = ? where id = ?", at, at, at, id);
    }

    private <T> T as(String username, Supplier<T> action) {
        return CurrentUsers.runAs(users.find(username).orElseThrow(), action);
    }
}
