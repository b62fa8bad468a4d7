package com.tobacco.retailcrm.service.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The market department composes a supply notice for a county's convenience stores (the live count follows the
 * chooser), publishes it, sees it reach the store; the store's manager finds it on the customer page.
 */
@Tag("e2e")
class NoticePagesE2ETest extends BrowserTest {

    @Test
    void aNoticeFromTheComposeFormToTheCustomerPage() {
        String countyName = "信息县" + unique();
        String county = orgUnit("COUNTY", rootOrgCode(), countyName);
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique());
        String cm = "cm" + unique();
        userWithRoles(cm, county, null, List.of("CUSTOMER_MANAGER"));
        String mdUser = "md" + unique();
        String md = userWithRoles(mdUser, dept, null, List.of("MARKET_DEPT"));
        String store = "信息便利店" + unique();
        String code = customer(md, county, cm, store, "2");
        customer(md, county, cm, "信息超市" + unique(), "3");

        signIn(mdUser, USER_PASSWORD);
        open("/notices");
        press("[data-test=new-notice]");
        waitFor(d -> d.getCurrentUrl().endsWith("/notices/new"));
        new Select(find("[data-test=counties]")).selectByVisibleText(countyName);
        waitFor(d -> find("[data-test=recipient-count]").getText().contains("将发送给 2 户"));
        press("[data-test=format-2]");
        waitFor(d -> find("[data-test=recipient-count]").getText().contains("将发送给 1 户"));
        find("[data-test=body]").sendKeys("本周期投放品规 45 个，按档位投放。");
        press("[data-test=publish]");
        waitFor(d -> !all("[data-test=error-title]").isEmpty());
        assertThat(find("[data-test=error-title]").getText()).contains("必填");
        assertThat(find("[data-test=recipient-count]").getText()).as("the choice is kept").contains("1 户");
        assertReadable();
        screenshot("notice-form-error");

        find("[data-test=title]").sendKeys("本周货源投放公开");
        press("[data-test=publish]");
        waitFor(d -> d.getCurrentUrl().matches(".*/notices/\\d+$"));
        assertThat(find("[data-test=flash-success]").getText()).contains("发送给 1 户");
        assertThat(find("[data-test=audience]").getText()).contains(countyName).contains("便利店");
        assertThat(find("[data-test=recipients]").getText()).contains(store).contains("未配置渠道").contains("未读");
        assertReadable();
        screenshot("notice-detail");
        open("/notices");
        assertThat(find("[data-test=notices]").getText()).contains("本周货源投放公开").contains("货源公开");
        screenshot("notice-list");

        browser.manage().deleteAllCookies();
        signIn(cm, USER_PASSWORD);
        open("/customers/" + code);
        press("[data-test=tab-notices]");
        waitFor(d -> !all("[data-test=customer-notices]").isEmpty()
                && find("[data-test=customer-notices]").getText().contains("本周货源投放公开"));
        assertThat(find("[data-test=customer-notices]").getText()).contains("本周货源投放公开").contains("未读");
        assertReadable();
        screenshot("notice-customer-tab");
    }

    private String customer(String token, String county, String manager, String storeName, String format) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerCode", digits());
        body.put("licenceNo", digits());
        body.put("storeName", storeName);
        body.put("retailFormat", format);
        body.put("marketType", "1");
        body.put("customerManager", manager);
        body.put("countyCode", county);
        var r = http.post("/api/v1/customers", token, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("customerCode").asString();
    }

    private static String digits() {
        StringBuilder sb = new StringBuilder("9");
        while (sb.length() < 12) {
            sb.append(ThreadLocalRandom.current().nextInt(10));
        }
        return sb.toString();
    }

    private void press(String css) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", find(css));
    }
}
