package com.tobacco.retailcrm.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A customer manager records a visit on a phone-sized screen with the visit standard beside the form, marks a wrong
 * archive field and reaches the change request from it, adds a photo; the week plan, the list, the coverage with its
 * chart, the care list and the service items (edited by the market department) are each shown as people see them.
 */
@Tag("e2e")
class ServicePagesE2ETest extends BrowserTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void aVisitRecordedOnAPhoneThenThePlanListCoverageAndCarePages() throws Exception {
        String county = orgUnit("COUNTY", rootOrgCode(), "页面服务县" + unique());
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique());
        String cm = "cm" + unique();
        userWithRoles(cm, county, null, List.of("CUSTOMER_MANAGER"));
        String md = userWithRoles("md" + unique(), dept, null, List.of("MARKET_DEPT"));
        ServiceTestBase.awayFromMidnight(clock); // the visit below is an hour back: on the customer's first day
        String store = "页面拜访店" + unique();
        String code = customer(md, cm, county, store, "visitCycle", "WEEKLY",
                "birthday", today().plusDays(2).format(DateTimeFormatter.ofPattern("MM-dd")));
        String vulnerable = customer(md, cm, county, "关怀小店" + unique(), "vulnerableGroup", "true",
                "vulnerableKind", "DISABLED");

        signIn(cm, USER_PASSWORD);
        try {
            recordOnAPhone(code, store);
        } finally {
            browser.manage().window().setSize(new Dimension(1400, 900));
        }
        open("/visits");

        assertThat(find("[data-test=visits]").getText()).contains(store);
        screenshot("visit-list");
        open("/visits/coverage");
        assertThat(find("[data-test=coverage-managers]").getText()).contains("测试" + cm);
        assertThat(find("[data-test=total-counts]").getText()).startsWith("1 /");
        waitFor(b -> !b.findElements(By.cssSelector("#coverage-chart canvas")).isEmpty());
        screenshot("visit-coverage");
        open("/care");
        assertThat(find("[data-test=care-items]").getText()).contains(store).contains("关怀小店");
        assertThat(find("[data-test=care-VULNERABLE-" + vulnerable + "]").getText()).contains("残疾人");
        assertThat(find("[data-test=care-standard]").getText()).contains("亲情联络");
        screenshot("care");
    }

    private void recordOnAPhone(String code, String store) throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/visits/plan");
        assertThat(find("[data-test=due-" + code + "]").getText()).contains(store);
        screenshot("visit-plan-phone");
        open(find("[data-test=record-" + code + "]").getAttribute("href").replaceFirst("^https?://[^/]+", ""));
        assertThat(find("[data-test=visit-standard]").getText()).contains("销售异动");
        assertThat(find("[data-test=store-name]").getText()).isEqualTo(store);
        String future = LocalDate.now(clock.withZone(ZONE)).plusDays(1).atTime(9, 0).toString();
        setValue("[data-test=visitedAt]", future);
        find("[data-test=findings]").sendKeys("门头招牌已更换，地址门牌号与档案不符");
        press("[data-test=check-address]");
        press("[data-test=wrong-address]");
        press("[data-test=save]");
        assertThat(find("[data-test=error-visitedAt]").getText()).contains("不能晚于当前时间");
        assertThat(find("[data-test=wrong-address]").isSelected()).isTrue();
        screenshot("visit-form-phone-error");
        setValue("[data-test=visitedAt]", clock.instant().atZone(ZONE).toLocalDateTime().minusHours(1)
                .withSecond(0).withNano(0).toString());
        press("[data-test=save]");
        waitFor(b -> b.getCurrentUrl().matches(".*/visits/\\d+$"));
        assertThat(find("[data-test=findings]").getText()).contains("门头招牌已更换");
        assertThat(find("[data-test=raise-address]").getAttribute("href"))
                .contains("/change-requests/new?customerCode=" + code);
        Path png = Files.createTempFile("visit-", ".png");
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(image, "png", png.toFile());
        find("[data-test=photo-file]").sendKeys(png.toString());
        press("[data-test=photo-upload]");
        waitFor(b -> !b.findElements(By.cssSelector("[data-test=photos] img")).isEmpty());
        screenshot("visit-detail-phone");

    }

    @Test
    void theMarketDepartmentEditsAServiceStandardAndTheOldWordingIsKept() {
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "市场部" + unique());
        String md = "md" + unique();
        userWithRoles(md, dept, null, List.of("MARKET_DEPT"));
        browser.manage().window().setSize(new Dimension(1400, 900));
        signIn(md, USER_PASSWORD);
        open("/service-items");
        assertThat(find("[data-test=category-BASIC]").getText()).contains("拜访服务").contains("入网服务");
        assertThat(find("[data-test=category-VALUE_ADDED]").getText()).contains("爱心帮扶");
        screenshot("service-items");
        assertThat(find("[data-test=edit-TRAINING]").getAttribute("href")).endsWith("/service-items/TRAINING/edit");
        open("/service-items/TRAINING/edit");
        find("[data-test=standard]").clear();
        press("[data-test=save]");
        assertThat(find("[data-test=form-error]").getText()).contains("服务标准").contains("必填");
        String wording = "每季度组织一次网上订货与电子结算培训" + unique();
        find("[data-test=standard]").sendKeys(wording);
        press("[data-test=save]");
        waitFor(b -> b.getCurrentUrl().endsWith("/service-items"));
        assertThat(find("[data-test=item-TRAINING]").getText()).contains(wording);
        open("/service-items/TRAINING/edit");
        assertThat(find("[data-test=history]").getText()).contains("与客户协商培训时间");
        screenshot("service-item-edit");
    }

    private String customer(String mdToken, String cm, String county, String store, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerCode", digits());
        body.put("licenceNo", digits());
        body.put("storeName", store);
        body.put("retailFormat", "2");
        body.put("marketType", "1");
        body.put("customerManager", cm);
        body.put("countyCode", county);
        body.putAll(com.tobacco.retailcrm.support.Http.body(fields));
        var r = http.post("/api/v1/customers", mdToken, body);
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return (String) body.get("customerCode");
    }

    private LocalDate today() {
        return clock.instant().atZone(ZONE).toLocalDate();
    }

    private static String digits() {
        return String.valueOf(100_000_000_000L + ThreadLocalRandom.current().nextLong(800_000_000_000L));
    }

    private void press(String css) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", find(css));
    }

    private void setValue(String css, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", find(css), value);
    }
}
