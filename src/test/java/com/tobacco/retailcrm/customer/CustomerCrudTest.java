package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerCrudTest extends CustomerApiTestBase {

    @Test
    void createWithDefaultsAndGetWithCompleteness() {
        County c = county();
        var created = create(c, minimal("华信超市"));
        String code = created.get("customerCode").asString();
        assertThat(created.get("orderFrequency").asString()).isEqualTo("WEEKLY");
        assertThat(created.get("orderMethod").asString()).isEqualTo("ONLINE");
        assertThat(created.get("settlementMethod").asString()).isEqualTo("ELECTRONIC");
        assertThat(created.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(created.get("countyCode").asString()).isEqualTo(c.code());
        assertThat(created.get("version").asLong()).isZero();

        var got = http.get("/api/v1/customers/" + code, c.marketDept());
        assertThat(got.status()).isEqualTo(200);
        // 21 national fields: code, licence, name, format, market type, order frequency/method, settlement, status = 9
        assertThat(got.json().get("completeness").get("national").decimalValue()).isEqualByComparingTo("0.42");
        assertThat(got.json().get("missingFields").toString()).contains("responsiblePerson").doesNotContain("tier");
    }

    @Test
    void duplicateCodeOrLicenceIs409() {
        County c = county();
        var fields = minimal("老王烟酒店");
        create(c, fields);
        var again = new java.util.LinkedHashMap<>(fields);
        again.put("countyCode", c.code());
        assertThat(http.post("/api/v1/customers", c.marketDept(), again).status()).isEqualTo(409);
        again.put("customerCode", digits(10));
        var r = http.post("/api/v1/customers", c.marketDept(), again);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).contains("licenceNo");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceInChinese() {
        County c = county();
        var r = http.post("/api/v1/customers", c.marketDept(), Http.body("countyCode", c.code(),
                "customerCode", "12", "licenceNo", "abc", "storeName", "好店", "retailFormat", "7", "marketType", "1",
                "idCardNo", "110105194912310021", "orderPhone", "12345", "longitude", 181, "tier", 3));
        assertThat(r.status()).isEqualTo(400);
        var fields = r.json().get("errors").findValuesAsString("field");
        assertThat(fields).contains("customerCode", "licenceNo", "retailFormat", "idCardNo", "orderPhone", "longitude", "tier");
        assertThat(r.body()).contains("客户代码").contains("专卖许可证号");
    }

    @Test
    void patchAppliesAndRecordsHistory() {
        County c = county();
        var created = createManaged(c, "便民食杂店");
        String code = created.get("customerCode").asString();
        var r = http.patch("/api/v1/customers/" + code, c.manager(),
                Map.of("version", 0, "contactPerson", "王五", "tobaccoShare", 35.5));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("version").asLong()).isEqualTo(1);
        var history = http.get("/api/v1/customers/" + code + "/history", c.manager()).json();
        assertThat(history.get(0).get("source").asString()).isEqualTo("DIRECT");
        assertThat(history.findValuesAsString("field")).contains("contactPerson", "tobaccoShare");
        assertThat(history.get(0).get("changedBy").asString()).isEqualTo(c.managerName());
    }
}
