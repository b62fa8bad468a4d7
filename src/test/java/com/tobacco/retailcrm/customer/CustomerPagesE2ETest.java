package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The customer pages in a real browser: list, tabs, masked values and the audited 查看, edit form, history. */
class CustomerPagesE2ETest extends BrowserTest {

    @Test
    void managerSearchesRevealsEditsAndSeesTheHistory() {
        String county = orgUnit("COUNTY", rootOrgCode(), "页面县" + unique());
        String managerName = "cm" + unique();
        userWithRoles(managerName, county, null, List.of("CUSTOMER_MANAGER"));
        String md = userWithRoles("md" + unique(), county, null, List.of("MARKET_DEPT"));
        String code = String.valueOf(System.nanoTime()).substring(0, 12);
        var created = http.post("/api/v1/customers", md, Map.of("countyCode", county, "customerCode", code,
                "licenceNo", String.valueOf(System.nanoTime()).substring(0, 12), "storeName", "重庆小面馆",
                "retailFormat", "1", "marketType", "1", "customerManager", managerName, "mobilePhone", "13912345678"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        signIn(managerName, USER_PASSWORD);
        open("/customers?q=cqxm");
        assertThat(texts("[data-test=customer-table] tbody td:nth-child(2) a")).containsExactly("重庆小面馆");
        screenshot("customer-list");
        open("/customers?q=5678");
        assertThat(texts("[data-test=customer-table] tbody td:nth-child(2) a")).as("by the phone's last four digits")
                .containsExactly("重庆小面馆");
        var manager = find("[data-test=customer-table] tbody .crm-person");
        assertThat(manager.getText()).as("the manager by name").isEqualTo("测试" + managerName);
        assertThat(manager.getAttribute("title")).as("the username on hover").isEqualTo(managerName);

        browser.findElement(By.linkText(code)).click();
        assertThat(find("[data-test=store-name]").getText()).isEqualTo("重庆小面馆");
        assertThat(find("[data-test=field-responsiblePerson]").getAttribute("data-missing")).isEqualTo("true");
        assertThat(find("[data-test=request-change]").getAttribute("href"))
                .endsWith("/change-requests/new?customerCode=" + code);
        find("[data-test=tab-BASIC]").click();
        waitFor(d -> find("[data-test=field-mobilePhone]").getText().contains("139****5678"));
        screenshot("customer-page-masked");

        find("[data-test=reveal]").click();
        // 查看 posts and reloads the page: wait for the new page, or the tab found may be the old page's
        assertThat(find("[data-test=revealed-note]").getText()).contains("审计");
        find("[data-test=tab-BASIC]").click();
        waitFor(d -> find("[data-test=field-mobilePhone]").getText().contains("13912345678"));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'CUSTOMER_SENSITIVE_READ' "
                + "and customer_code = ? and actor = ?", Long.class, code, managerName)).isEqualTo(1);

        find("[data-test=edit]").click();
        assertThat(all("[data-test=edit-form] [name=storeName]")).as("not directly editable").isEmpty();
        find("#tobaccoShare").sendKeys("150");
        find("[data-test=save]").click();
        assertThat(find("[data-test=error-tobaccoShare]").getText()).contains("卷烟销售占比").contains("100");
        screenshot("customer-edit-refused");
        find("#tobaccoShare").clear();
        find("#tobaccoShare").sendKeys("35");
        find("#contactPerson").sendKeys("王老板");
        find("[data-test=save]").click();
        assertThat(find("[data-test=flash-success]").getText()).contains("已保存");
        find("[data-test=tab-history]").click();
        waitFor(d -> find("[data-test=history]").getText().contains("王老板"));
        assertThat(find("[data-test=history]").getText()).contains("联系人").contains("直接修改").doesNotContain("DIRECT");
        screenshot("customer-history");
    }
}
