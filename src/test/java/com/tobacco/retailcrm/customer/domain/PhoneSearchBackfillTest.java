package com.tobacco.retailcrm.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.customer.CustomerApiTestBase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Customers stored before partial phone search existed become findable by their last four digits after start-up. */
class PhoneSearchBackfillTest extends CustomerApiTestBase {

    @Autowired
    PhoneSearchBackfill backfill;

    @Test
    void aCustomerWithoutTheTailHashesGetsThemAndIsThenFoundByItsLastFourDigits() {
        County c = county();
        String mobile = "158" + digits(8);
        var created = createManaged(c, "旧档案店", "mobilePhone", mobile);
        String code = created.get("customerCode").asString();
        jdbc.update("update customer set mobile_phone_tail_hash = null, mobile_phone_local_hash = null, "
                + "order_phone_tail_hash = null, order_phone_local_hash = null where customer_code = ?", code);
        String in = "countyCode=" + c.code() + "&q=" + URLEncoder.encode(mobile.substring(7), StandardCharsets.UTF_8);
        assertThat(http.get("/api/v1/customers?" + in, c.marketDept()).json().get("total").asLong()).isZero();

        assertThat(backfill.run()).isPositive();

        assertThat(http.get("/api/v1/customers?" + in, c.marketDept()).json().get("items").toString()).contains(code);
        assertThat(backfill.run()).as("nothing left to do").isZero();
    }
}
