package com.tobacco.retailcrm.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import com.tobacco.retailcrm.support.Http;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The market department starts a run, reads the summary and charts, checks the changes, applies, reads the report. */
class ClassificationPagesE2ETest extends BrowserTest {

    @Test
    void marketDepartmentRunsChecksAppliesAndReadsTheAdjustmentReport() {
        String county = orgUnit("COUNTY", rootOrgCode(), "分类页面县" + unique());
        String mdName = "md" + unique();
        String md = userWithRoles(mdName, county, null, List.of("MARKET_DEPT"));
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        List<Map<String, Object>> orders = new ArrayList<>();
        String first = null;
        for (int i = 0; i < 8; i++) {
            String code = String.valueOf(100_000_000_000L + Math.abs(System.nanoTime() % 899_999_999_999L));
            var created = http.post("/api/v1/customers", md, Http.body("countyCode", county, "customerCode", code,
                    "licenceNo", code, "storeName", "分类页面店" + i, "retailFormat", i < 5 ? "3" : "5", "marketType", "1"));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            first = first == null ? code : first;
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("orderNo", "E2E-" + unique());
            o.put("customerCode", code);
            o.put("orderDate", month.atDay(10).toString());
            o.put("qty", 5000 - i * 300);
            o.put("amount", 900000 - i * 50000);
            orders.add(o);
        }
        assertThat(http.post("/api/v1/purchases", md, orders).json().get("accepted").asInt()).isEqualTo(8);

        signIn(mdName, USER_PASSWORD);
        open("/classification");
        assertThat(find("#period").getAttribute("value")).isEqualTo(month.toString());
        screenshot("classification-runs");
        find("[data-test=start-run-submit]").click();
        assertThat(find("[data-test=flash-success]").getText()).contains(month.toString());
        assertThat(find("[data-test=run-status]").getText()).isEqualTo("已计算");
        assertThat(find("[data-test=formats]").getText()).contains("超市").contains("已分类");
        waitFor(d -> !all("#scale-chart canvas").isEmpty() && !all("#tier-chart canvas").isEmpty());
        screenshot("classification-run");

        find("#changed").click();
        find("[data-test=filter-submit]").click();
        waitFor(d -> d.getCurrentUrl().contains("changed=true"));
        assertThat(find("[data-test=results]").getText()).contains(first);
        screenshot("classification-changed");

        find("[data-test=apply]").click();
        new WebDriverWait(browser, java.time.Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
        browser.switchTo().alert().accept();
        assertThat(find("[data-test=flash-success]").getText()).contains("已应用");
        assertThat(find("[data-test=run-status]").getText()).isEqualTo("已应用");
        assertThat(all("[data-test=apply]")).isEmpty();
        screenshot("classification-applied");

        String countyCode = county;
        open("/classification/adjustments?month=" + month + "&countyCode=" + countyCode);
        assertThat(find("[data-test=adjustments]").getText()).contains(first).contains("首次分类").contains("1-3-1");
        screenshot("classification-adjustments");
    }
}
