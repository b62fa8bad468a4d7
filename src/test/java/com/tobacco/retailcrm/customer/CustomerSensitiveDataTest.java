package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Personal data: encrypted at rest, masked for roles that need not see it, every clear read audited. */
class CustomerSensitiveDataTest extends CustomerApiTestBase {

    private static final String ID_CARD = "11010519491231002X";
    private static final String MOBILE = "13912345678";
    private static final String ORDER_PHONE = "0571-87654321";
    private static final String BANK = "6228480012345678901";
    private static final String HOME = "浙江省杭州市西湖区文三路100号";

    private String sensitiveCustomer(County c) {
        return createManaged(c, "隐私测试店", "idCardNo", ID_CARD, "mobilePhone", MOBILE, "orderPhone", ORDER_PHONE,
                "bankAccount", BANK, "homeAddress", HOME).get("customerCode").asString();
    }

    @Test
    void sensitiveColumnsHoldCiphertextAndPhonesAKeyedHash() {
        County c = county();
        String code = sensitiveCustomer(c);
        Map<String, Object> row = jdbc.queryForMap("select id_card_no, mobile_phone, order_phone, bank_account, "
                + "home_address, mobile_phone_hash from customer where customer_code = ?", code);
        for (String column : List.of("id_card_no", "mobile_phone", "order_phone", "bank_account", "home_address")) {
            String raw = (String) row.get(column);
            assertThat(raw).as(column).startsWith("AES:").doesNotContain(ID_CARD).doesNotContain(MOBILE)
                    .doesNotContain("87654321").doesNotContain(BANK).doesNotContain("文三路");
        }
        assertThat((String) row.get("mobile_phone_hash")).hasSize(64).doesNotContain(MOBILE);
        List<String> history = jdbc.queryForList("select new_value from customer_history where customer_code = ? "
                + "and field in ('idCardNo', 'mobilePhone', 'bankAccount')", String.class, code);
        assertThat(history).hasSize(3).allSatisfy(v -> assertThat(v).startsWith("AES:"));
    }

    @Test
    void clearValuesForMarketDeptAndOwnManagerPhonesForServiceAgentMaskedForOthers() {
        County c = county();
        String code = sensitiveCustomer(c);
        String agent = userWithRoles("sa" + unique(), c.code(), null, List.of("SERVICE_AGENT"));
        String leader = userWithRoles("ld" + unique(), c.code(), null, List.of("LEADER"));

        for (String token : List.of(c.marketDept(), c.manager())) {
            JsonNode r = get(token, code);
            assertThat(r.get("idCardNo").asString()).isEqualTo(ID_CARD);
            assertThat(r.get("mobilePhone").asString()).isEqualTo(MOBILE);
            assertThat(r.get("bankAccount").asString()).isEqualTo(BANK);
            assertThat(r.get("homeAddress").asString()).isEqualTo(HOME);
        }
        JsonNode byAgent = get(agent, code);
        assertThat(byAgent.get("mobilePhone").asString()).isEqualTo(MOBILE);
        assertThat(byAgent.get("orderPhone").asString()).isEqualTo(ORDER_PHONE);
        assertThat(byAgent.get("idCardNo").asString()).isEqualTo("1101**********002X");
        assertThat(byAgent.get("bankAccount").asString()).isEqualTo("****8901");
        for (String token : List.of(leader, c.marketManager())) {
            JsonNode r = get(token, code);
            assertThat(r.get("mobilePhone").asString()).isEqualTo("139****5678");
            assertThat(r.get("orderPhone").asString()).isEqualTo("057****4321");
            assertThat(r.get("homeAddress").asString()).isEqualTo("浙江省杭州市****");
            assertThat(r.get("maskedFields").size()).isEqualTo(5);
        }
        var list = http.get("/api/v1/customers?q=" + code, c.marketDept()).json();
        assertThat(list.get("items").get(0).get("orderPhone").asString()).as("lists are masked").isEqualTo("057****4321");
    }

    @Test
    void everyClearReadIsAuditedWithItsFieldsAndMaskedReadsAreNot() {
        County c = county();
        String code = sensitiveCustomer(c);
        String agent = userWithRoles("sa" + unique(), c.code(), null, List.of("SERVICE_AGENT"));
        String agentName = http.get("/api/v1/auth/me", agent).json().get("username").asString();
        get(c.marketDept(), code);
        get(c.manager(), code);
        get(agent, code);
        get(c.marketManager(), code);
        List<Map<String, Object>> events = jdbc.queryForList("select actor, detail from audit_event where action = "
                + "'CUSTOMER_SENSITIVE_READ' and customer_code = ? order by id", code);
        assertThat(events).hasSize(3);
        assertThat(events.get(1).get("actor")).isEqualTo(c.managerName());
        assertThat((String) events.get(1).get("detail")).contains("idCardNo", "mobilePhone", "bankAccount", "homeAddress");
        assertThat(events.get(2).get("actor")).isEqualTo(agentName);
        assertThat((String) events.get(2).get("detail")).contains("mobilePhone", "orderPhone").doesNotContain("idCardNo");
        assertThat(events).noneMatch(e -> c.marketManagerName().equals(e.get("actor")));
    }

    @Test
    void historyShowsSensitiveValuesMasked() {
        County c = county();
        String code = sensitiveCustomer(c);
        var r = http.patch("/api/v1/customers/" + code, c.manager(), Map.of("version", 0, "mobilePhone", "13800001111"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode h = http.get("/api/v1/customers/" + code + "/history", c.manager()).json().get(0);
        assertThat(h.get("field").asString()).isEqualTo("mobilePhone");
        assertThat(h.get("oldValue").asString()).isEqualTo("139****5678");
        assertThat(h.get("newValue").asString()).isEqualTo("138****1111");
    }

    private JsonNode get(String token, String code) {
        var r = http.get("/api/v1/customers/" + code, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
