package com.tobacco.retailcrm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/** An agent takes a complaint in, the customer manager answers it from the to-do list, the agent calls back and closes. */
@Tag("e2e")
class ComplaintPagesE2ETest extends BrowserTest {

    @Test
    void aComplaintFromIntakeToClosingThroughThePages() {
        String county = orgUnit("COUNTY", rootOrgCode(), "页面投诉县" + unique());
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "客服部" + unique());
        String mm = "mm" + unique();
        userWithRoles(mm, county, null, List.of("MARKET_MANAGER"));
        String cm = "cm" + unique();
        userWithRoles(cm, county, mm, List.of("CUSTOMER_MANAGER"));
        String agent = "ag" + unique();
        userWithRoles(agent, dept, null, List.of("SERVICE_AGENT"));
        String md = userWithRoles("md" + unique(), dept, null, List.of("MARKET_DEPT"));
        String store = "页面便民店" + unique();
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("customerCode", ComplaintTestBase.digits(12));
        customer.put("licenceNo", ComplaintTestBase.digits(12));
        customer.put("storeName", store);
        customer.put("retailFormat", "2");
        customer.put("marketType", "1");
        customer.put("customerManager", cm);
        customer.put("countyCode", county);
        assertThat(http.post("/api/v1/customers", md, customer).status()).isEqualTo(201);

        signIn(agent, USER_PASSWORD);
        open("/complaints/new");
        find("[data-test=lookup]").sendKeys(store);
        find("[data-test^=pick-]");
        screenshot("complaint-intake-lookup");
        press("[data-test^=pick-]");
        assertThat(find("[data-test=customerCode]").getAttribute("value")).isEqualTo(customer.get("customerCode"));
        find("[data-test=contactName]").sendKeys("王先生");
        find("[data-test=contactPhone]").sendKeys("13812345678");
        new Select(find("[data-test=category]")).selectByValue("DELIVERY");
        press("[data-test=priority-URGENT]");
        String future = clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDateTime().plusDays(1).withSecond(0).withNano(0)
                .toString();
        setValue("[data-test=receivedAt]", future);
        press("[data-test=submit]");
        assertThat(find("[data-test=error-receivedAt]").getText()).contains("不能晚于当前时间");
        assertThat(find("[data-test=error-description]").getText()).contains("必填");
        screenshot("complaint-intake-errors");

        setValue("[data-test=receivedAt]", clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDateTime().minusHours(2)
                .withSecond(0).withNano(0).toString());
        find("[data-test=description]").sendKeys("送货晚到半天，且未提前告知");
        press("[data-test=submit]");
        waitFor(d -> d.getCurrentUrl().matches(".*/complaints/\\d+$"));
        String page = browser.getCurrentUrl();
        assertThat(find("[data-test=number]").getText()).matches("TS\\d{6}-\\d{5}");
        assertThat(find("[data-test=status]").getText()).isEqualTo("已受理");
        find("[data-test=assignee-input]").sendKeys(cm);
        press("[data-test=form-ASSIGN] button[type=submit]");
        waitFor(d -> find("[data-test=status]").getText().equals("已分派"));
        screenshot("complaint-assigned");

        browser.manage().deleteAllCookies();
        signIn(cm, USER_PASSWORD);
        open("/tasks");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("投诉首次响应");
        screenshot("complaint-in-tasks");
        browser.get(page);
        assertThat(all("[data-test=form-ASSIGN]")).as("only the actions allowed now").isEmpty();
        find("[data-test=respond-message]").sendKeys("已电话联系店主，明日上午核实");
        press("[data-test=form-RESPOND] button[type=submit]");
        waitFor(d -> find("[data-test=status]").getText().equals("处理中"));
        find("[data-test=resolve-reply]").sendKeys("已调整送货线路，明日起上午送达");
        find("[data-test=resolve-cause]").sendKeys("送货线路调整");
        press("[data-test=form-RESOLVE] button[type=submit]");
        waitFor(d -> find("[data-test=status]").getText().equals("已答复"));

        browser.manage().deleteAllCookies();
        signIn(agent, USER_PASSWORD);
        browser.get(page);
        new Select(find("[data-test=callback-level]")).selectByValue("CALL_CENTRE");
        press("[data-test=callback-submit]");
        waitFor(d -> find("[data-test=status]").getText().equals("已回访"));
        assertThat(all("[data-test=form-CLOSE]")).as("urgent: the customer manager's visit is still missing").isEmpty();
        new Select(find("[data-test=callback-level]")).selectByValue("CUSTOMER_MANAGER");
        press("[data-test=callback-submit]");
        waitFor(d -> !all("[data-test=form-CLOSE]").isEmpty());
        press("[data-test=form-CLOSE] button[type=submit]");
        waitFor(d -> find("[data-test=status]").getText().equals("已结案"));
        assertThat(all("[data-test=timeline] tbody tr")).hasSize(7);
        screenshot("complaint-closed");

        open("/complaints");
        assertThat(find("[data-test=complaints]").getText()).contains(store);
        screenshot("complaint-list");
        open("/reports/complaints?month=" + java.time.YearMonth.from(clock.instant().atZone(ZoneId.of("Asia/Shanghai"))));
        waitFor(d -> !all("#chart-category canvas").isEmpty());
        screenshot("complaint-report");
    }

    private void press(String css) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", find(css));
    }

    private void setValue(String css, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", find(css), value);
    }
}
