package com.tobacco.retailcrm.rating.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import com.tobacco.retailcrm.support.Http;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The rating pages in a real browser: an officer records a violation, proposes and publishes a rating, the customer
 * manager appeals on the notice board's rating, the officer answers and is refused the final rating while the notice
 * runs; the evaluation page draws the radar.
 */
@Tag("e2e")
class RatingPagesE2ETest extends BrowserTest {

    private static String digits() {
        StringBuilder sb = new StringBuilder("7");
        while (sb.length() < 12) {
            sb.append(ThreadLocalRandom.current().nextInt(10));
        }
        return sb.toString();
    }

    @Test
    void officerRatesManagerAppealsOfficerAnswersAndTheEvaluationShowsItsRadar() {
        String county = orgUnit("COUNTY", rootOrgCode(), "页面县" + unique());
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "部门" + unique());
        String cm = "cm" + unique();
        userWithRoles(cm, county, null, List.of("CUSTOMER_MANAGER"));
        String officer = "mo" + unique();
        userWithRoles(officer, county, null, List.of("MONOPOLY_OFFICER"));
        String md = "md" + unique();
        String mdToken = userWithRoles(md, dept, null, List.of("MARKET_DEPT"));
        String code = digits();
        String store = "页面测试店" + unique().substring(0, 4);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("customerCode", code, "licenceNo", digits(),
                "storeName", store, "retailFormat", "6", "marketType", "1", "customerManager", cm,
                "countyCode", county, "tobaccoShare", "45"));
        assertThat(http.post("/api/v1/customers", mdToken, body).status()).isEqualTo(201);

        signIn(officer, USER_PASSWORD);
        assertThat(texts(".crm-menu-item")).contains("诚信等级", "客户评价", "违规记录");
        open("/violations?customerCode=" + code);
        find("#vOccurredOn");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelector('#vOccurredOn').value = arguments[0];",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3).toString());
        find("#vDescription").sendKeys("未按规定明码标价");
        find("[data-test=record]").click();
        waitFor(d -> !all("[data-test=flash-success]").isEmpty());
        assertThat(find("[data-test=law-abiding-status]").getText()).contains("轻微违规");
        screenshot("rating-violations");

        open("/integrity-ratings/new?customerCode=" + code);
        browser.findElement(By.cssSelector("label[for=grade-C]")).click();
        find("#basis").sendKeys("近期轻微违规，已教育");
        find("[data-test=submit]").click();
        waitFor(d -> !all("[data-test=publish-form]").isEmpty());
        assertThat(find("[data-test=state]").getText()).isEqualTo("初评");
        screenshot("rating-preliminary");
        find("[data-test=publish]").click();
        waitFor(d -> find("[data-test=state]").getText().equals("公示中"));
        assertThat(find("[data-test=notice-period]").getText()).contains("00:00");

        open("/integrity-ratings/notice-board");
        assertThat(find("[data-test=notice-board-cards]").getText()).contains(store);
        screenshot("rating-notice-board");

        browser.manage().deleteAllCookies();
        signIn(cm, USER_PASSWORD);
        open("/integrity-ratings?state=NOTICE");
        browser.findElement(By.linkText(browser.findElements(By.cssSelector("[data-test=ratings] tbody a")).get(0)
                .getText())).click();
        find("#reason").sendKeys("店主当日已整改，申请复核");
        find("[data-test=appeal]").click();
        waitFor(d -> !all("[data-test=flash-success]").isEmpty());
        assertThat(find("[data-test=appeals]").getText()).contains("待答复");

        browser.manage().deleteAllCookies();
        signIn(officer, USER_PASSWORD);
        open("/integrity-ratings?state=NOTICE&customerCode=" + code);
        find("[data-test=ratings] tbody a").click();
        find("[data-test=answer-form] select[name=decision]").sendKeys("申诉成立");
        find("[data-test=answer-form] select[name=newGrade]").sendKeys("B");
        find("[data-test=answer-form] input[name=note]").sendKeys("核实已整改");
        find("[data-test=answer-form] button").click();
        waitFor(d -> find("[data-test=grade]").getText().equals("B"));
        find("[data-test=finalize]").click();
        browser.switchTo().alert().accept();
        waitFor(d -> !all("[data-test=flash-error]").isEmpty());
        assertThat(find("[data-test=flash-error]").getText()).contains("公示期尚未结束");
        screenshot("rating-detail");

        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        assertThat(http.post("/api/v1/purchases", mdToken, List.of(Map.of("orderNo", "E2E-" + unique(),
                "customerCode", code, "orderDate", month + "-15", "qty", 12, "amount", 3000))).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/evaluations", mdToken, Http.body("period", month)).status()).isEqualTo(201);
        open("/evaluations?period=" + month + "&retailFormat=6");
        assertThat(find("[data-test=evaluations]").getText()).contains(store);
        screenshot("rating-evaluations");
        open("/evaluations/customers/" + code);
        waitFor(d -> !all("#evaluation-radar canvas").isEmpty());
        assertThat(find("[data-test=law-abiding]").getText()).isEqualTo("轻微违规");
        waitFor(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return new Promise(r => setTimeout(() => r(true), 800));"));
        screenshot("rating-evaluation-radar");
    }
}
