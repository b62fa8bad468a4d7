package com.tobacco.retailcrm.service.suspension;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/** The distribution centre announces a suspension for a county, the manager ticks off the call list, it is ended. */
@Tag("e2e")
class ServiceSuspensionPagesE2ETest extends BrowserTest {

    @Test
    void aSuspensionFromTheFormThroughTheCallListToItsEnd() {
        String countyName = "页面暂停县" + unique();
        String county = orgUnit("COUNTY", rootOrgCode(), countyName);
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "配送中心" + unique());
        String cm = "cm" + unique();
        userWithRoles(cm, county, null, List.of("CUSTOMER_MANAGER"));
        String dist = "dd" + unique();
        userWithRoles(dist, dept, null, List.of("DISTRIBUTION_DEPT"));
        String md = userWithRoles("md" + unique(), dept, null, List.of("MARKET_DEPT"));
        String code = ServiceSuspensionApiTest.digits(12);
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("customerCode", code);
        customer.put("licenceNo", ServiceSuspensionApiTest.digits(12));
        customer.put("storeName", "页面暂停店" + unique());
        customer.put("retailFormat", "2");
        customer.put("marketType", "1");
        customer.put("customerManager", cm);
        customer.put("countyCode", county);
        customer.put("groupCustomer", true);
        assertThat(http.post("/api/v1/customers", md, customer).status()).isEqualTo(201);

        signIn(dist, USER_PASSWORD);
        open("/service-suspensions");
        new Select(find("[data-test=counties]")).selectByVisibleText(countyName);
        var now = clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDateTime().withSecond(0).withNano(0);
        setValue("[data-test=from]", now.minusHours(1).toString());
        setValue("[data-test=to]", now.minusHours(3).toString());
        find("[data-test=notice]").sendKeys("受暴雪影响暂停送货");
        press("[data-test=publish]");
        assertThat(find("[data-test=flash-error]").getText()).contains("结束时间不能早于开始时间");
        new Select(find("[data-test=counties]")).selectByVisibleText(countyName);
        setValue("[data-test=from]", now.minusHours(1).toString());
        setValue("[data-test=to]", now.plusDays(1).toString());
        find("[data-test=notice]").sendKeys("受暴雪影响暂停送货");
        press("[data-test=cash]");
        press("[data-test=publish]");
        waitFor(d -> d.getCurrentUrl().matches(".*/service-suspensions/\\d+$"));
        String page = browser.getCurrentUrl();
        assertThat(find("[data-test=flash-success]").getText()).contains("涉及 1 户");
        assertThat(find("[data-test=by-county]").getText()).contains(countyName);
        screenshot("suspension-announced");

        browser.manage().deleteAllCookies();
        signIn(cm, USER_PASSWORD);
        browser.get(page);
        press("[data-test=notify-" + code + "]");
        waitFor(d -> find("[data-test=customer-" + code + "]").getText().contains("已告知"));
        screenshot("suspension-call-list");

        browser.manage().deleteAllCookies();
        signIn(dist, USER_PASSWORD);
        browser.get(page);
        press("[data-test=end]");
        waitFor(d -> find("[data-test=status]").getText().equals("已结束"));
        assertThat(find("[data-test=makeups]").getText()).contains(cm);
        screenshot("suspension-ended");
        open("/service-suspensions");
        assertThat(find("[data-test=suspensions]").getText()).contains("恶劣天气");
        screenshot("suspension-list");
    }

    private void press(String css) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", find(css));
    }

    private void setValue(String css, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", find(css), value);
    }
}
