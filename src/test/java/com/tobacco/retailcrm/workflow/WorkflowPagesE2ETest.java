package com.tobacco.retailcrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The to-do page is where business users land; a case page shows the diagram, my step's form, and the trail. */
@Tag("e2e")
class WorkflowPagesE2ETest extends BrowserTest {

    @Test
    void aManagerLandsOnTheToDoListAndCompletesTheVisitThroughItsForm() {
        String county = orgUnit("COUNTY", rootOrgCode(), "页面县" + unique());
        String headName = "head" + unique();
        userWithRoles(headName, county, null, List.of("COUNTY_HEAD"));
        String cmName = "cm" + unique();
        userWithRoles(cmName, county, headName, List.of("CUSTOMER_MANAGER"));
        String officerName = "mo" + unique();
        String officer = userWithRoles(officerName, county, null, List.of("MONOPOLY_OFFICER"));
        var r = http.post("/api/v1/onboardings", officer, java.util.Map.of("licenceNo", WorkflowApiTestBase.digits(12),
                "storeName", "页面便利店" + unique(), "responsiblePerson", "王五", "address", "解放路9号",
                "countyCode", county, "licenceIssueDate", "2026-01-05", "licenceExpiryDate", "2031-01-04"));
        assertThat(r.status()).isEqualTo(201);
        long caseId = r.json().get("id").asLong();

        // the officer's start form names every refused field in Chinese
        signIn(officerName, USER_PASSWORD);
        open("/onboardings/new");
        find("#licenceNo").sendKeys("123");
        press("[data-test=start-onboarding]");
        assertThat(find("[data-test=error-licenceNo]").getText()).isNotBlank();
        assertThat(find("[data-test=error-storeName]").getText()).contains("必填");
        screenshot("workflow-onboarding-form-errors");

        browser.manage().deleteAllCookies();
        signIn(cmName, USER_PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/tasks");
        assertThat(find("[data-test=count-all]").getText()).contains("1");
        assertThat(texts("[data-test=task-row]")).anyMatch(t -> t.contains("客户经理实地走访"));
        screenshot("workflow-tasks");

        open("/cases/" + caseId);
        assertThat(all("[data-test=step]")).hasSize(7);
        assertThat(find("[data-test=step-form]").getText()).contains("零售业态").contains("客户经理");
        new Select(find("#f_marketType")).selectByValue("1");
        find("#f_customerManager").sendKeys(cmName);
        find("#f_mobilePhone").sendKeys("123");
        press("[data-test=action-DONE]");
        assertThat(find("[data-test=error-retailFormat]").getText()).contains("必填");
        assertThat(find("[data-test=error-mobilePhone]").getText()).isNotBlank();
        screenshot("workflow-step-form-errors");

        new Select(find("#f_retailFormat")).selectByValue("2");
        find("#f_mobilePhone").clear();
        find("#f_mobilePhone").sendKeys("13800138000");
        press("[data-test=action-DONE]");
        waitFor(d -> d.getCurrentUrl().endsWith("/tasks"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("已办理");

        open("/cases/" + caseId);
        assertThat(find("[data-test=customer-code]").getText()).matches("\\d{8,16}");
        assertThat(all("[data-test=trail-row]")).hasSize(2);
        assertThat(find("[data-test=trail]").getText()).as("enum values by their names")
                .contains("市场类型：城网").doesNotContain("市场类型：1").contains("******");
        List<String> states = all("[data-test=step]").stream().map(e -> e.getAttribute("data-state")).toList();
        assertThat(states).containsExactly("DONE", "DONE", "CURRENT", "PENDING", "PENDING", "PENDING", "PENDING");
        screenshot("workflow-case");

        press("[data-test=bell] button");
        screenshot("workflow-bell");
        assertThat(find("[data-test=bell]").getText()).contains("通知");
    }

    @Test
    void aManagerFiltersTheirUpkeepTasksAndCompletesOneAndTheirSupervisorSeesTheTeams() {
        String county = orgUnit("COUNTY", rootOrgCode(), "维护县" + unique());
        String mmName = "mm" + unique();
        userWithRoles(mmName, county, null, List.of("MARKET_MANAGER"));
        String cmName = "cm" + unique();
        userWithRoles(cmName, county, mmName, List.of("CUSTOMER_MANAGER"));
        var now = clock.instant();
        String insert = "insert into upkeep_task (kind, subject, period, assignee, detail, created_at, due_at) "
                + "values (?, ?, '2026-H2', ?, ?, ?, ?)";
        jdbc.update(insert, "HALF_YEAR_REVIEW", "L" + unique(), cmName, "复核“迟到便利店”的静态字段",
                java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(10))),
                java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(1))));
        jdbc.update(insert, "LICENCE_EXPIRY", "T" + unique(), cmName, "“准时便利店”的专卖许可证将到期",
                java.sql.Timestamp.from(now), java.sql.Timestamp.from(now.plus(java.time.Duration.ofDays(20))));

        signIn(cmName, USER_PASSWORD);
        open("/upkeep");
        assertThat(texts("[data-test=upkeep-row]")).hasSize(2);
        assertThat(all("[data-test=tab-TEAM]")).as("a customer manager supervises nobody").isEmpty();
        new Select(find("#overdue")).selectByValue("true");
        press("[data-test=filter-submit]");
        waitFor(d -> d.getCurrentUrl().contains("overdue=true"));
        assertThat(texts("[data-test=upkeep-row]")).singleElement().asString().contains("迟到便利店");
        screenshot("workflow-upkeep-late");

        find("[data-test=upkeep-row] input[name=comment]").sendKeys("已上门复核");
        press("[data-test=complete]");
        assertThat(find("[data-test=flash-success]").getText()).contains("已完成");
        assertThat(all("[data-test=upkeep-row]")).as("no longer open").isEmpty();
        assertThat(all("[data-test=empty-row]")).hasSize(1);

        open("/upkeep?state=DONE");
        assertThat(texts("[data-test=upkeep-row]")).singleElement().asString().contains("已上门复核").contains(cmName);
        open("/upkeep?kind=LICENCE_EXPIRY");
        assertThat(texts("[data-test=upkeep-row]")).singleElement().asString().contains("准时便利店");

        browser.manage().deleteAllCookies();
        signIn(mmName, USER_PASSWORD);
        open("/upkeep?view=TEAM&state=ALL");
        assertThat(texts("[data-test=upkeep-row]")).hasSize(2).allMatch(t -> t.contains(cmName));
        assertThat(all("[data-test=empty-row]")).isEmpty();
        screenshot("workflow-upkeep-team");

        // 督办: the market manager's to-do page has a second list, the open tasks their team must do
        open("/tasks");
        press("[data-test=list-OTHERS]");
        waitFor(d -> d.getCurrentUrl().contains("list=OTHERS"));
        assertThat(texts("[data-test=task-row]")).singleElement().asString().contains(cmName).contains("准时便利店");
        assertThat(all("[data-test=done-task]")).as("others' tasks are looked at, not done, from here").isEmpty();
        screenshot("workflow-tasks-oversight");
    }

    /** Clicks a button wherever it is in the scrolling content area (a plain click may land on the sticky top bar). */
    private void press(String css) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click()", find(css));
    }
}
