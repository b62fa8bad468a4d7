package com.tobacco.retailcrm.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/** The calendar page in a real browser: the market department toggles days, others read, everyone calculates. */
@Tag("e2e")
class CalendarPageE2ETest extends BrowserTest {

    private static final int YEAR = 2093;

    @Test
    void marketDeptTogglesAWeekdayIntoAHolidayAndBack() {
        String username = "mkt" + unique();
        userWithRoles(username, rootOrgCode(), null, List.of("MARKET_DEPT"));
        signIn(username, USER_PASSWORD);
        LocalDate monday = LocalDate.of(YEAR, 6, 1).with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        // start from a plain year even if an earlier run on a kept database stopped half-way
        http.put("/api/v1/calendar/" + YEAR, adminToken("sysadmin"),
                java.util.Map.of("holidays", List.of(), "workdays", List.of()));
        open("/calendar?year=" + YEAR);
        assertThat(find("[data-test=edit-hint]").getText()).contains("点击日期切换");

        find("button[data-date='" + monday + "']").click();
        waitFor(d -> find("button[data-date='" + monday + "']").getAttribute("class").contains("cal-holiday"));
        screenshot("calendar-edited");
        var stored = http.get("/api/v1/calendar/" + YEAR, adminToken("sysadmin"));
        assertThat(stored.json().get("holidays").toString()).contains(monday.toString());
        assertThat(find("[data-test=source]").getText()).isEqualTo("已人工维护");

        find("button[data-date='" + monday + "']").click();
        waitFor(d -> find("button[data-date='" + monday + "']").getAttribute("class").contains("cal-working"));
        assertThat(http.get("/api/v1/calendar/" + YEAR, adminToken("sysadmin")).json().get("holidays").toString())
                .doesNotContain(monday.toString());
    }

    @Test
    void marketDeptImportsTheOfficialListAndItsWeekendHolidaysShowGreyed() throws java.io.IOException {
        String username = "mkt" + unique();
        userWithRoles(username, rootOrgCode(), null, List.of("MARKET_DEPT"));
        signIn(username, USER_PASSWORD);
        int year = 2097;  // 2097-10-05 is a Saturday
        java.nio.file.Path file = java.nio.file.Files.createTempFile("holidays-" + year, ".json");
        java.nio.file.Files.writeString(file, "{\"year\":" + year + ",\"days\":["
                + "{\"name\":\"国庆节\",\"date\":\"" + year + "-10-01\",\"isOffDay\":true},"
                + "{\"name\":\"国庆节\",\"date\":\"" + year + "-10-04\",\"isOffDay\":true},"
                + "{\"name\":\"国庆节\",\"date\":\"" + year + "-10-05\",\"isOffDay\":true},"
                + "{\"name\":\"国庆节\",\"date\":\"" + year + "-09-28\",\"isOffDay\":false}]}");
        open("/calendar?year=" + year);
        find("[data-test=import-file]").sendKeys(file.toAbsolutePath().toString());
        clickAndWaitForNewPage("[data-test=import-submit]");
        assertThat(find("[data-test=flash-success]").getText()).contains(year + " 年放假安排已导入");
        assertThat(classesOf(year + "-10-01")).contains("cal-holiday");
        assertThat(classesOf(year + "-10-05")).contains("cal-holiday_weekend");
        assertThat(classesOf(year + "-09-28")).contains("cal-workday");
        assertThat(find("[data-date='" + year + "-10-05']").getAttribute("title")).contains("国庆节", "不影响计算");
        screenshot("calendar-imported");

        java.nio.file.Files.writeString(file, "{\"year\":" + year + ",\"days\":[]}");
        find("[data-test=import-file]").sendKeys(file.toAbsolutePath().toString());
        clickAndWaitForNewPage("[data-test=import-submit]");
        assertThat(find("[data-test=flash-error]").getText()).contains("没有任何日期", "日历未改动");
        assertThat(classesOf(year + "-10-01")).contains("cal-holiday");
        java.nio.file.Files.delete(file);
    }

    @Test
    void otherRolesSeeTheCalendarReadOnlyAndComputeDueTimes() {
        String username = "cm" + unique();
        userWithRoles(username, rootOrgCode(), null, List.of("CUSTOMER_MANAGER"));
        signIn(username, USER_PASSWORD);
        open("/calendar?year=2026");
        assertThat(find("[data-test=readonly-hint]").getText()).contains("只读");
        assertThat(all("button.cal-day")).isEmpty();
        assertThat(find("[data-date='2026-10-01']").getAttribute("class")).contains("cal-holiday");
        assertThat(find("[data-date='2026-10-10']").getAttribute("class")).contains("cal-workday");
        assertThat(texts(".crm-menu-item")).contains("工作日历");

        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('#calc-start').value = '2026-09-30T16:00';"
                        + "document.querySelector('#calc-amount').value = '2';"
                        + "document.querySelector('#calc-unit').value = 'WORKING_HOUR';");
        find("[data-test=calc-submit]").click();
        waitFor(d -> !all("[data-test=due]").isEmpty());
        assertThat(find("[data-test=due]").getText()).startsWith("2026-10-08 10:00");
        screenshot("calendar-readonly");

        ((JavascriptExecutor) browser).executeScript("document.querySelector('#calc-amount').value = 'abc';");
        find("[data-test=calc-submit]").click();
        waitFor(d -> !all("[data-test=due-errors]").isEmpty());
        assertThat(find("[data-test=due-errors]").getText()).contains("时限数量须为数字");
    }

    private List<String> classesOf(String date) {
        return List.of(find("[data-date='" + date + "']").getAttribute("class").split("\\s+"));
    }
}
