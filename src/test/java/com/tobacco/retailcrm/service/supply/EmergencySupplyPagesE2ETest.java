package com.tobacco.retailcrm.service.supply;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import com.tobacco.retailcrm.support.Http;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * A customer manager fills in the 应急货源报批表, the service head finds it in the queue and approves it, the form
 * prints; the sales department keeps the brand catalogue and the threshold.
 */
@Tag("e2e")
class EmergencySupplyPagesE2ETest extends BrowserTest {

    @Test
    void aRequestFromTheFormThroughTheQueueToThePrintedForm() {
        String county = orgUnit("COUNTY", rootOrgCode(), "页面应急县" + unique());
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "营销中心" + unique());
        String mm = "mm" + unique();
        userWithRoles(mm, county, null, List.of("MARKET_MANAGER"));
        String cm = "cm" + unique();
        userWithRoles(cm, county, mm, List.of("CUSTOMER_MANAGER"));
        String head = "sh" + unique();
        userWithRoles(head, dept, null, List.of("SERVICE_HEAD"));
        String sales = "sd" + unique();
        String salesToken = userWithRoles(sales, dept, null, List.of("SALES_DEPT"));
        String md = userWithRoles("md" + unique(), dept, null, List.of("MARKET_DEPT"));
        String brand = "P" + unique();
        assertThat(http.post("/api/v1/brands", salesToken, Http.body("code", brand, "name", "红塔山(经典)" + brand,
                "supplyClass", "GENERAL")).status()).isEqualTo(201);
        String store = "页面应急店" + unique();
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("customerCode", SupplyTestBase.digits(12));
        customer.put("licenceNo", SupplyTestBase.digits(12));
        customer.put("storeName", store);
        customer.put("retailFormat", "2");
        customer.put("marketType", "1");
        customer.put("customerManager", cm);
        customer.put("countyCode", county);
        customer.put("markedPrices", true);
        assertThat(http.post("/api/v1/customers", md, customer).status()).isEqualTo(201);

        signIn(cm, USER_PASSWORD);
        open("/emergency-supply/new?customerCode=" + customer.get("customerCode"));
        new Select(find("[data-test=reason]")).selectByValue("WEDDING");
        new Select(find("[data-test=brand-0]")).selectByValue(brand);
        find("[data-test=qty-0]").sendKeys("2.5");
        press("[data-test=submit]");
        assertThat(find("[data-test='error-lines[0].qty']").getText()).contains("大于0的整数");
        screenshot("supply-form-errors");
        find("[data-test=qty-0]").clear();
        find("[data-test=qty-0]").sendKeys("30");
        find("[data-test=note]").sendKeys("婚宴用烟，30桌");
        press("[data-test=submit]");
        waitFor(d -> d.getCurrentUrl().matches(".*/emergency-supply/\\d+$"));
        String page = browser.getCurrentUrl();
        assertThat(find("[data-test=number]").getText()).matches("YJ\\d{6}-\\d{4}");
        assertThat(find("[data-test=status]").getText()).isEqualTo("待审批：客服部主任");
        assertThat(find("[data-test=flash-success]").getText()).contains("等待客服部主任审批");
        assertThat(all("[data-test=decision]")).as("the requester may not decide").isEmpty();
        assertThat(find("[data-test=total]").getText()).as("a quantity reads 30, not 30.00").isEqualTo("30");
        screenshot("supply-request-raised");

        browser.manage().deleteAllCookies();
        signIn(head, USER_PASSWORD);
        open("/emergency-supply");
        assertThat(find("[data-test=requests]").getText()).contains(store).contains("30").doesNotContain("30.00");
        screenshot("supply-queue");
        open("/tasks");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("客服部主任审批");
        browser.get(page);
        find("[data-test=decision-note]").sendKeys("同意，按订货日供货");
        press("[data-test=approve]");
        waitFor(d -> find("[data-test=status]").getText().equals("已批准"));
        assertThat(find("[data-test=supplyOn]").getText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(find("[data-test=steps]").getText()).contains("同意，按订货日供货");
        screenshot("supply-approved");

        open(page.substring(page.indexOf("/emergency-supply")) + "/print");
        String sheet = find("[data-test=print-sheet]").getText();
        assertThat(sheet).contains("应急货源报批表").contains(store).contains("婚宴").contains("同意，按订货日供货")
                .doesNotContain("30.00");
        screenshot("supply-print");

        browser.manage().deleteAllCookies();
        signIn(sales, USER_PASSWORD);
        open("/emergency-supply/brands");
        String scarce = "S" + unique();
        find("[data-test=brand-code]").sendKeys(scarce);
        find("[data-test=brand-name]").sendKeys("中华(软)" + scarce);
        new Select(find("[data-test=brand-class]")).selectByValue("SCARCE");
        press("[data-test=add-brand]");
        waitFor(d -> !all("[data-test=brand-" + scarce + "]").isEmpty());
        assertThat(find("[data-test=brand-" + scarce + "]").getText()).contains("紧俏");
        screenshot("supply-brands");
    }

    private void press(String css) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", find(css));
    }
}
