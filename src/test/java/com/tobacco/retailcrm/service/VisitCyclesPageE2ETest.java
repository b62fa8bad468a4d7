package com.tobacco.retailcrm.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/** The market department changes a default visit cycle on the settings page; a market manager only reads it. */
@Tag("e2e")
class VisitCyclesPageE2ETest extends BrowserTest {

    @Test
    void theMarketDepartmentSetsTheDefaultCyclesAndTheHistoryShowsWhoDidIt() {
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique());
        String md = "md" + unique();
        String mdToken = userWithRoles(md, dept, null, List.of("MARKET_DEPT"));
        String county = orgUnit("COUNTY", rootOrgCode(), "周期县" + unique());
        String mm = "mm" + unique();
        userWithRoles(mm, county, null, List.of("MARKET_MANAGER"));
        String before = http.get("/api/v1/settings/visit-cycles", mdToken).json().get("unclassified").asString();
        try {
            signIn(md, USER_PASSWORD);
            open("/settings/visit-cycles");
            new Select(find("[data-test=cycle-UNCLASSIFIED]")).selectByVisibleText("每两周");
            ((JavascriptExecutor) browser).executeScript("arguments[0].click()", find("[data-test=save]"));
            waitFor(d -> !all("[data-test=flash-success]").isEmpty());
            assertThat(find("[data-test=flash-success]").getText()).contains("拜访周期设置已保存");
            assertThat(new Select(find("[data-test=cycle-UNCLASSIFIED]")).getFirstSelectedOption().getText()).isEqualTo("每两周");
            assertThat(find("[data-test=cycle-history]").getText()).contains("未分类：每两周").contains("测试" + md);
            assertReadable();
            screenshot("visit-cycles-saved");

            browser.manage().deleteAllCookies();
            signIn(mm, USER_PASSWORD);
            open("/settings/visit-cycles");
            assertThat(find("[data-test=cycle-1]").isEnabled()).isFalse();
            assertThat(all("[data-test=save]")).isEmpty();
        } finally {
            long version = http.get("/api/v1/settings/visit-cycles", mdToken).json().get("version").asLong();
            http.put("/api/v1/settings/visit-cycles", mdToken, Map.of("version", version, "unclassified", before));
        }
    }
}
