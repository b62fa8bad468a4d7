package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.customer.lifecycle.RetentionJob;
import com.tobacco.retailcrm.support.BrowserTest;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The personal-data line of the customer page in a real browser: consent at collection, and what was destroyed. */
class PersonalDataE2ETest extends BrowserTest {

    @Autowired
    RetentionJob retention;

    @Test
    void theCustomerPageShowsWhoObtainedTheConsentAndLaterWhatTheRetentionDestroyed() {
        String county = orgUnit("COUNTY", rootOrgCode(), "同意县" + unique());
        String managerName = "cm" + unique();
        userWithRoles(managerName, county, null, List.of("CUSTOMER_MANAGER"));
        String mdName = "md" + unique();
        String md = userWithRoles(mdName, county, null, List.of("MARKET_DEPT"));
        String code = String.valueOf(System.nanoTime()).substring(0, 12);
        var created = http.post("/api/v1/customers", md, Map.of("countyCode", county, "customerCode", code,
                "licenceNo", String.valueOf(System.nanoTime()).substring(0, 12), "storeName", "同意便利店",
                "retailFormat", "1", "marketType", "1", "customerManager", managerName, "mobilePhone", "13912345678",
                "responsiblePerson", "王同意"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        signIn(managerName, USER_PASSWORD);
        open("/customers/" + code);
        assertThat(find("[data-test=consent]").getText()).contains("已取得零售户同意").contains("测试" + mdName)
                .contains("直接录入");
        screenshot("customer-consent");

        long id = jdbc.queryForObject("select id from customer where customer_code = ?", Long.class, code);
        Timestamp longAgo = Timestamp.from(clock.instant().minusSeconds(4L * 366 * 24 * 3600));
        jdbc.update("update customer set status = 'CANCELLED', updated_at = ? where id = ?", longAgo, id);
        jdbc.update("insert into customer_history (customer_id, customer_code, field, old_value, new_value, changed_by, "
                + "changed_at, source, reason) values (?, ?, 'status', 'ACTIVE', 'CANCELLED', 'tester', ?, 'DIRECT', '停业')",
                id, code, longAgo);
        retention.runNow();
        open("/customers/" + code);
        assertThat(find("[data-test=erasure]").getText()).contains("保留期满销毁").contains("手机号码").contains("负责人");
        screenshot("customer-personal-data-destroyed");
    }
}
