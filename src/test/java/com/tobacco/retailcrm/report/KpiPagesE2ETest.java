package com.tobacco.retailcrm.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import com.tobacco.retailcrm.support.Http;
import com.tobacco.retailcrm.support.Totp;
import java.net.URI;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The leader 赵国强 signs in and lands on the dashboard with its trend charts drawn; a market manager reads the
 * indicators of their customer managers by name and follows a figure to its list.
 */
@Tag("e2e")
class KpiPagesE2ETest extends BrowserTest {

    private static final String LEADER = "zhaoguoqiang";

    private YearMonth lastMonth() {
        return YearMonth.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).minusMonths(1);
    }

    /** A county with a manager's customer and a few days of last month's orders, so the charts have a line. */
    private record Seeded(String marketManager, String manager, String managerName) {
    }

    private Seeded seed() {
        String county = orgUnit("COUNTY", rootOrgCode(), "驾驶舱县" + unique());
        String area = orgUnit("AREA", county, "驾驶舱片区" + unique());
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique());
        String md = userWithRoles("md" + unique(), dept, null, List.of("MARKET_DEPT"));
        String mm = "mm" + unique();
        userWithRoles(mm, area, null, List.of("MARKET_MANAGER"));
        String cm = "cm" + unique();
        userWithRoles(cm, area, mm, List.of("CUSTOMER_MANAGER"));
        String code = "9" + String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L));
        assertThat(http.post("/api/v1/customers", md, Http.body("customerCode", code, "licenceNo", "8" + code.substring(1),
                "storeName", "驾驶舱店" + unique(), "retailFormat", "1", "marketType", "1", "countyCode", county,
                "customerManager", cm)).status()).isEqualTo(201);
        YearMonth m = lastMonth();
        var r = http.post("/api/v1/orders/daily", md, List.of(
                Http.body("customerCode", code, "date", m.atDay(1).toString(), "ordered", true, "succeeded", true, "electronic", true),
                Http.body("customerCode", code, "date", m.atDay(2).toString(), "ordered", true, "succeeded", false, "electronic", false),
                Http.body("customerCode", code, "date", m.minusMonths(1).atDay(2).toString(), "ordered", true, "succeeded", true, "electronic", false)));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return new Seeded(mm, cm, "测试" + cm);
    }

    /** The demo's leader; created here when this database has none (enrolled in MFA by the test support). */
    private String leader() {
        Long known = jdbc.queryForObject("select count(*) from app_user where username = ?", Long.class, LEADER);
        if (known == 0) {
            userWithRoles(LEADER, rootOrgCode(), null, List.of("LEADER"));
            return LEADER;
        }
        if (Totp.knows(LEADER)) {
            return LEADER;
        }
        String other = "ld" + unique();
        userWithRoles(other, rootOrgCode(), null, List.of("LEADER"));
        return other;
    }

    @Test
    void theLeaderLandsOnTheDashboardWithItsChartsDrawn() {
        seed();
        String leader = leader();
        signIn(leader, USER_PASSWORD);
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/dashboard");
        assertThat(find("h1").getText()).contains("领导驾驶舱");
        assertThat(find("[data-test=as-of]").getText()).as("the snapshot's time").matches("数据截至 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(texts("[data-test=snapshot-mark]")).as("customers, completeness, overdue new").hasSize(3);
        assertThat(find("[data-test=snapshot-note]").getText()).contains("客户数、档案完整率、新增户逾期");
        for (String chart : List.of("Orders", "Complaints", "Satisfaction", "Service")) {
            waitFor(d -> "true".equals(find("#chart-" + chart).getAttribute("data-drawn")));
            if ("true".equals(find("#chart-" + chart).getAttribute("data-empty"))) {
                // nothing of this kind in the test database (e.g. no survey answered): the chart says so
                assertThat(chart).as("the seeded orders draw a line").isNotEqualTo("Orders");
                assertThat(find("#chart-" + chart).getAttribute("aria-label")).isEqualTo("暂无数据");
                continue;
            }
            Object painted = ((JavascriptExecutor) browser).executeScript("""
                    var c = document.querySelector(arguments[0] + ' canvas');
                    if (!c || c.width === 0) { return 0; }
                    var data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
                    for (var i = 3; i < data.length; i += 4) { if (data[i] > 0) { n++; } }
                    return n;""", "#chart-" + chart);
            assertThat(((Number) painted).longValue()).as("pixels drawn in %s", chart).isGreaterThan(500);
        }
        assertThat(find("[data-test=glance-orders]").getText()).matches("\\d\\.\\d{4}|—");
        assertThat(texts("[data-test=counties] tbody tr td:first-child")).anyMatch(t -> t.startsWith("驾驶舱县"));
        assertThat(find("[data-test=late-work]").getText()).isNotBlank();
        assertThat(find("[data-test=adjustments]").getText()).isNotBlank();
        screenshot("dashboard-leader");
        String drill = find("[data-test=counties] tbody tr:first-child td:nth-child(2) a").getAttribute("href");
        assertThat(drill).contains("/customers?countyCode=");
        browser.get(drill);
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/customers");
        assertReadable();
    }

    @Test
    void aMonthWithoutAnyFiguresShowsNoDataInEveryChartInsteadOfBareAxes() {
        String leader = leader();
        signIn(leader, USER_PASSWORD);
        open("/dashboard?month=2001-01");
        for (String chart : List.of("Orders", "Complaints", "Satisfaction", "Service")) {
            waitFor(d -> "true".equals(find("#chart-" + chart).getAttribute("data-drawn")));
            assertThat(find("#chart-" + chart).getAttribute("data-empty")).as(chart).isEqualTo("true");
            assertThat(find("#chart-" + chart).getAttribute("aria-label")).isEqualTo("暂无数据");
        }
        assertThat(find("[data-test=not-computed]").getText()).contains("尚未生成");
        screenshot("dashboard-no-data");
    }

    @Test
    void aMarketManagerReadsTheirManagersByNameAndFollowsAFigureToItsList() {
        Seeded s = seed();
        signIn(s.marketManager(), USER_PASSWORD);
        open("/kpi/managers?month=" + lastMonth());
        assertThat(find("h1").getText()).contains("客户经理考核指标");
        assertThat(texts("[data-test=managers] tbody tr")).singleElement().asString()
                .contains(s.managerName()).contains("驾驶舱县").contains("0.5000").contains("1.0000");
        screenshot("kpi-managers");
        clickAndWaitForNewPage("[data-test=managers] tbody tr [data-test=customers]");
        assertThat(browser.getCurrentUrl()).contains("/customers").contains("customerManager=" + s.manager());
        open("/kpi/managers?month=2026-13");
        assertThat(find("[data-test=month-error]").getText()).contains("YYYY-MM");
    }
}
