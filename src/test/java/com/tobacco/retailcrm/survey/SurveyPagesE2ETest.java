package com.tobacco.retailcrm.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import com.tobacco.retailcrm.support.Http;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The market department starts a campaign after seeing its sample per stratum, an agent answers one customer by phone
 * and sends another a link, the retailer answers on the public page once, and the campaign page shows the results.
 */
@Tag("e2e")
class SurveyPagesE2ETest extends BrowserTest {

    @Test
    void aCampaignFromItsSampleToItsResultsThroughThePages() {
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique());
        String county = orgUnit("COUNTY", rootOrgCode(), "页面测评县" + unique());
        String md = "md" + unique();
        String mdToken = userWithRoles(md, dept, null, List.of("MARKET_DEPT"));
        String agent = "ag" + unique();
        userWithRoles(agent, dept, null, List.of("SERVICE_AGENT"));
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/api/v1/customers", mdToken, Http.body("customerCode", SurveyApiTest.digits(12),
                    "licenceNo", SurveyApiTest.digits(12), "storeName", "页面测评店" + i,
                    "retailFormat", "1", "marketType", String.valueOf(1 + i % 2), "countyCode", county)).status())
                    .isEqualTo(201);
        }
        String name = "页面测评" + unique();

        signIn(md, USER_PASSWORD);
        open("/surveys/campaigns/new");
        new org.openqa.selenium.support.ui.Select(find("[data-test=questionnaire]"))
                .selectByVisibleText("卷烟零售客户满意度测评问卷（第 1 版）");
        find("[data-test=name]").sendKeys(name);
        find("[data-test=period]").sendKeys("2026-Q4");
        find("[data-test=sample-size]").clear();
        find("[data-test=sample-size]").sendKeys("2");
        clickAndWaitForNewPage("[data-test=preview]");
        assertThat(texts("[data-test=preview-table] tbody tr")).isNotEmpty();
        screenshot("survey-campaign-preview");
        clickAndWaitForNewPage("[data-test=start]");
        assertThat(find("[data-test=flash-success]").getText()).contains("已抽取样本 2 户");
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/campaigns/(\\d+).*", "$1"));

        browser.manage().deleteAllCookies();
        signIn(agent, USER_PASSWORD);
        open("/surveys/calls");
        var codes = http.get("/api/v1/survey-campaigns/" + id + "/assignments", mdToken).json();
        String first = codes.get(0).get("customerCode").asString();
        String second = codes.get(1).get("customerCode").asString();
        screenshot("survey-calls");
        open("/surveys/calls/" + id + "/" + first);
        submit("[data-test=submit-answers]");
        assertThat(find("[data-test=form-errors]").getText()).contains("未答");
        for (String q : List.of("supply_fit", "supply_fair", "order_ease", "delivery_ontime", "delivery_staff",
                "settle_ease", "manager_visit", "complaint_handling", "overall")) {
            press("label[for='" + q + "-4']");
        }
        press(("label[for='order_channel-o0']"));
        press("label[for='manager_freq-o2']");
        screenshot("survey-sheet");
        submit("[data-test=submit-answers]");
        assertThat(find("[data-test=flash-success]").getText()).contains(first);

        open("/surveys/calls/" + id + "/" + second);
        submit("[data-test=make-link]");
        String link = find("[data-test=link] code").getText();
        assertThat(link).contains("/s/");

        browser.manage().deleteAllCookies();
        browser.get(link);
        assertThat(find("[data-test=survey-form]").isDisplayed()).isTrue();
        for (String q : List.of("supply_fit", "supply_fair", "order_ease", "delivery_ontime", "delivery_staff",
                "settle_ease", "manager_visit", "complaint_handling", "overall")) {
            press("label[for='" + q + "-5']");
        }
        press("label[for='order_channel-o1']");
        press("label[for='manager_freq-o1']");
        find("textarea[name=q_suggestion]").sendKeys("希望送货时间再提前一些");
        screenshot("survey-public");
        submit("[data-test=survey-submit]");
        assertThat(find("[data-test=survey-thanks]").getText()).contains("感谢");
        browser.get(link);
        assertThat(find("[data-test=survey-gone]").getText()).contains("已使用或已过期");

        signIn(md, USER_PASSWORD);
        open("/surveys/campaigns/" + id + "?by=dimension");
        assertThat(find("[data-test=overall-index]").getText()).isEqualTo("87.50");
        find("[data-test=chart-groups] canvas");
        assertThat(texts("[data-test=texts] li")).anyMatch(t -> t.contains("希望送货时间再提前一些"));
        screenshot("survey-campaign-results");
        open("/surveys");
        assertThat(texts("[data-test=campaigns] td a")).contains(name);
    }

    /** Submits with a script click (the button may sit under the fold) and waits for the next page. */
    private void submit(String css) {
        org.openqa.selenium.WebElement page = browser.findElement(org.openqa.selenium.By.tagName("html"));
        press(css);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    private void press(String css) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click()", find(css));
    }
}
