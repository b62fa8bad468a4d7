package com.tobacco.retailcrm.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import com.tobacco.retailcrm.support.Http;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The distribution department uploads a day's orders and sees what was stored and which rows came back, and why. */
@Tag("e2e")
class DailyOrderPagesE2ETest extends BrowserTest {

    @Test
    void anUploadedFileShowsItsStoredRowsAndEachRefusedRow() throws Exception {
        String dept = orgUnit("DEPARTMENT", rootOrgCode(), "配送部" + unique());
        String county = orgUnit("COUNTY", rootOrgCode(), "订货县" + unique());
        String md = userWithRoles("md" + unique(), dept, null, List.of("MARKET_DEPT"));
        String dd = "dd" + unique();
        userWithRoles(dd, dept, null, List.of("DISTRIBUTION_DEPT"));
        String code = "8" + String.valueOf(System.nanoTime()).substring(2, 13);
        assertThat(http.post("/api/v1/customers", md, Http.body("customerCode", code, "licenceNo", "7" + code.substring(1),
                "storeName", "订货页面店", "retailFormat", "1", "marketType", "1", "countyCode", county)).status())
                .isEqualTo(201);
        Path file = Files.createTempFile("orders-", ".csv");
        Files.writeString(file, "客户编码,日期,是否订货,是否成功,是否电子结算\n" + code + ",2026-11-10,是,是,是\n" + code
                + ",2026-11-11,是,是,否\n" + code + ",2026-11-12,否,否,是\n", StandardCharsets.UTF_8);

        signIn(dd, USER_PASSWORD);
        open("/orders/daily");
        find("[data-test=file]").sendKeys(file.toAbsolutePath().toString());
        clickAndWaitForNewPage("[data-test=upload]");
        assertThat(find("[data-test=stored]").getText()).isEqualTo("2");
        assertThat(find("[data-test=refused]").getText()).isEqualTo("1");
        assertThat(texts("[data-test=errors] tbody tr")).singleElement().asString()
                .contains("4").contains("是否电子结算").contains("订货未成功不能电子结算");
        screenshot("orders-daily-import");
        clickAndWaitForNewPage("[data-test=upload]");
        assertThat(find("[data-test=file-error]").getText()).contains("请选择");
    }
}
