package com.tobacco.retailcrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import com.tobacco.retailcrm.support.Http;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A change request's page shows the engine's steps, and the county head checks it from there. */
@Tag("e2e")
class WorkflowChangeRequestE2ETest extends BrowserTest {

    @Test
    void theCountyHeadChecksAGeneralChangeOnItsPageAndItMovesToTheMarketDepartment() {
        String county = orgUnit("COUNTY", rootOrgCode(), "修改页面县" + unique());
        String headName = "ch" + unique();
        userWithRoles(headName, county, null, List.of("COUNTY_HEAD"));
        String mmName = "mm" + unique();
        userWithRoles(mmName, county, null, List.of("MARKET_MANAGER"));
        String cmName = "cm" + unique();
        String cm = userWithRoles(cmName, county, mmName, List.of("CUSTOMER_MANAGER"));
        String md = userWithRoles("md" + unique(), orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique()), null,
                List.of("MARKET_DEPT"));
        var customer = http.post("/api/v1/customers", md, Http.body("customerCode", WorkflowApiTestBase.digits(12),
                "licenceNo", WorkflowApiTestBase.digits(12), "storeName", "修改页面店" + unique(), "retailFormat", "2",
                "marketType", "1", "address", "人民路1号", "customerManager", cmName, "countyCode", county));
        assertThat(customer.status()).as("%s", customer).isEqualTo(201);
        var raised = http.post("/api/v1/change-requests", cm, Http.body("customerCode",
                customer.json().get("customerCode").asString(), "type", "GENERAL", "changes",
                Http.body("address", "人民路2号"), "reason", "门店搬迁"));
        assertThat(raised.status()).as("%s", raised).isEqualTo(201);
        long id = raised.json().get("id").asLong();

        signIn(headName, USER_PASSWORD);
        open("/cases/" + id);
        assertThat(browser.getCurrentUrl()).as("the generic case page sends it to its own page")
                .endsWith("/change-requests/" + id);
        assertThat(all("[data-step=COUNTY_CHECK]")).as("the county check is the open step").hasSize(1);
        assertThat(all("[data-coming-step]")).as("the rest of the route, still to come")
                .extracting(e -> e.getAttribute("data-coming-step")).containsExactly("MARKET_APPLY", "COUNTY_CONFIRM");
        assertThat(find("body").getText()).contains("人民路2号").contains("门店搬迁");
        screenshot("workflow-change-request");
    }

    @Test
    void theStatusFilterAppliesWhenChosenAndTheFormShowsValuesByTheirNames() {
        String county = orgUnit("COUNTY", rootOrgCode(), "筛选县" + unique());
        String cmName = "cm" + unique();
        String cm = userWithRoles(cmName, county, null, List.of("CUSTOMER_MANAGER"));
        String md = userWithRoles("md" + unique(), orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique()), null,
                List.of("MARKET_DEPT"));
        String code = WorkflowApiTestBase.digits(12);
        var customer = http.post("/api/v1/customers", md, Http.body("customerCode", code,
                "licenceNo", WorkflowApiTestBase.digits(12), "storeName", "筛选店" + unique(), "retailFormat", "2",
                "marketType", "1", "address", "人民路1号", "customerManager", cmName, "countyCode", county,
                "monitored", false, "businessNature", "INDIVIDUAL"));
        assertThat(customer.status()).as("%s", customer).isEqualTo(201);
        var raised = http.post("/api/v1/change-requests", cm, Http.body("customerCode", code, "type", "GENERAL",
                "changes", Http.body("address", "人民路3号"), "reason", "门店搬迁"));
        assertThat(raised.status()).as("%s", raised).isEqualTo(201);

        signIn(cmName, USER_PASSWORD);
        open("/change-requests?view=mine");
        assertThat(texts("[data-test=change-requests] tbody td:first-child a")).contains(raised.json().get("id").asString());
        new org.openqa.selenium.support.ui.Select(find("[data-test=status-filter]")).selectByValue("COMPLETED");
        waitFor(d -> d.getCurrentUrl().contains("status=COMPLETED"));
        assertThat(texts("[data-test=change-requests] tbody td:first-child a"))
                .as("an open request is not among the completed").doesNotContain(raised.json().get("id").asString());
        new org.openqa.selenium.support.ui.Select(find("[data-test=status-filter]")).selectByValue("OPEN");
        waitFor(d -> d.getCurrentUrl().contains("status=OPEN"));
        assertThat(texts("[data-test=change-requests] tbody td:first-child a")).contains(raised.json().get("id").asString());
        screenshot("change-requests-filtered");

        open("/change-requests/new?customerCode=" + code);
        String page = find("body").getText();
        assertThat(page).doesNotContain("false").doesNotContain("INDIVIDUAL");
        assertThat(texts("select option")).doesNotContain("INDIVIDUAL 个体").contains("个体");
        screenshot("change-request-form");
    }
}
