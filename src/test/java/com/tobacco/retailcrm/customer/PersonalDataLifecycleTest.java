package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.retailcrm.customer.lifecycle.RetentionJob;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * 数据生命周期 over HTTP: consent recorded when a customer is collected, and a CANCELLED customer's personal fields
 * destroyed by the retention job once the retention period (three years by default) has run out, with an audit
 * record naming the fields and never their values.
 */
class PersonalDataLifecycleTest extends CustomerApiTestBase {

    private static final String ID_CARD = "11010519491231002X";
    private static final String MOBILE = "13912345678";
    private static final String BANK = "6228480012345678901";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    RetentionJob retention;

    private String personalCustomer(County c) {
        return createManaged(c, "生命周期店" + unique(), "idCardNo", ID_CARD, "mobilePhone", MOBILE, "bankAccount", BANK,
                "responsiblePerson", "张三丰", "contactPerson", "李四", "birthday", "03-15", "address", "文三路1号")
                .get("customerCode").asString();
    }

    /** A customer cancelled at that instant, as the status change through the archive would have left it. */
    private void cancelledAt(String code, Instant at) {
        long id = jdbc.queryForObject("select id from customer where customer_code = ?", Long.class, code);
        jdbc.update("update customer set status = 'CANCELLED', updated_at = ? where id = ?", Timestamp.from(at), id);
        jdbc.update("""
                insert into customer_history (customer_id, customer_code, field, old_value, new_value, changed_by,
                    changed_at, source, reason) values (?, ?, 'status', 'ACTIVE', 'CANCELLED', 'tester', ?, 'DIRECT', '停业注销')""",
                id, code, Timestamp.from(at));
    }

    private Instant yearsAgo(int years, int plusDays) {
        return clock.instant().atZone(ZONE).minusYears(years).plusDays(plusDays).toInstant();
    }

    @Test
    void consentIsRecordedWhenACustomerIsCreatedWithWhoCollectedItWhenAndThroughWhichChannel() {
        County c = county();
        String code = personalCustomer(c);
        var consent = http.get("/api/v1/customers/" + code + "/consent", c.manager());
        assertThat(consent.status()).as("%s", consent).isEqualTo(200);
        assertThat(consent.json().get("basis").asString()).isEqualTo("COLLECTION");
        String creator = jdbc.queryForObject("select created_by from customer where customer_code = ?", String.class, code);
        assertThat(consent.json().get("obtainedBy").asString()).isEqualTo(creator).startsWith("md");
        assertThat(consent.json().get("obtainedByName").asString()).isEqualTo("测试" + creator);
        assertThat(consent.json().get("channel").asString()).isEqualTo("DIRECT");
        assertThat(Instant.parse(consent.json().get("obtainedAt").asString())).isBetween(
                clock.instant().minusSeconds(60), clock.instant());
        assertThat(consent.json().get("personalDataDestroyed").isNull()).isTrue();
    }

    @Test
    void everyCustomerOfAnImportHasItsConsentRecordedWithTheImportAsChannel() {
        County c = county();
        String first = digits(12);
        String second = digits(12);
        String csv = "customerCode,licenceNo,storeName,retailFormat,marketType,countyCode,mobilePhone\n"
                + first + "," + digits(12) + ",导入甲,1,1," + c.code() + ",13800001111\n"
                + second + "," + digits(12) + ",导入乙,1,1," + c.code() + ",13800002222\n";
        var imported = new FileTransfer(http.base()).upload("/api/v1/customers/import", c.marketDept(), "c.csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
        assertThat(imported.status()).as("%s", imported).isEqualTo(200);
        long id = imported.json().get("id").asLong();
        for (String code : List.of(first, second)) {
            var consent = http.get("/api/v1/customers/" + code + "/consent", c.marketDept()).json();
            assertThat(consent.get("basis").asString()).isEqualTo("COLLECTION");
            assertThat(consent.get("channel").asString()).isEqualTo("IMPORT:" + id);
        }
    }

    @Test
    void consentIsReadOnlyWithinTheDataScopeAndNotByTheAdmins() {
        County c = county();
        County other = county();
        String code = personalCustomer(c);
        assertThat(http.get("/api/v1/customers/" + code + "/consent", other.manager()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/customers/" + code + "/consent", adminToken("sysadmin")).status()).isEqualTo(403);
    }

    @Test
    void aCancelledCustomersPersonalFieldsAreDestroyedOnceTheRetentionHasRunOut() {
        County c = county();
        String code = personalCustomer(c);
        cancelledAt(code, yearsAgo(3, -1));

        assertThat(retention.runNow()).isPresent();

        Map<String, Object> row = jdbc.queryForMap("select id_card_no, mobile_phone, mobile_phone_hash, bank_account, "
                + "responsible_person, contact_person, birthday, store_name, address from customer where customer_code = ?",
                code);
        assertThat(row.get("id_card_no")).isNull();
        assertThat(row.get("mobile_phone")).isNull();
        assertThat(row.get("mobile_phone_hash")).isNull();
        assertThat(row.get("bank_account")).isNull();
        assertThat(row.get("responsible_person")).isNull();
        assertThat(row.get("contact_person")).isNull();
        assertThat(row.get("birthday")).isNull();
        assertThat((String) row.get("store_name")).startsWith("生命周期店");
        assertThat(row.get("address")).isEqualTo("文三路1号");
        // the values are gone from the 修改台账 too; who changed what and when stays
        List<Map<String, Object>> history = jdbc.queryForList("select field, old_value, new_value from customer_history "
                + "where customer_code = ? and field in ('idCardNo', 'mobilePhone', 'bankAccount', 'responsiblePerson', "
                + "'contactPerson', 'birthday')", code);
        assertThat(history).hasSize(6).allSatisfy(h -> {
            assertThat(h.get("old_value")).isNull();
            assertThat(h.get("new_value")).isNull();
        });
        assertThat(jdbc.queryForObject("select new_value from customer_history where customer_code = ? and field = 'address'",
                String.class, code)).isEqualTo("文三路1号");

        var consent = http.get("/api/v1/customers/" + code + "/consent", c.manager()).json();
        assertThat(consent.get("personalDataDestroyed").get("fields").valueStream().map(n -> n.asString()).toList())
                .containsExactlyInAnyOrder("idCardNo", "mobilePhone", "bankAccount", "responsiblePerson", "contactPerson",
                        "birthday");
        var shown = http.get("/api/v1/customers/" + code, c.manager()).json();
        assertThat(shown.hasNonNull("mobilePhone")).isFalse();
        assertThat(shown.hasNonNull("idCardNo")).isFalse();
        assertThat(shown.get("storeName").asString()).startsWith("生命周期店");
    }

    @Test
    void theDestructionIsAuditedWithTheCustomerAndFieldNamesNeverTheValues() {
        County c = county();
        String code = personalCustomer(c);
        cancelledAt(code, yearsAgo(3, -2));
        retention.runNow();
        List<Map<String, Object>> events = jdbc.queryForList(
                "select actor, detail from audit_event where action = 'CUSTOMER_PERSONAL_DATA_DESTROYED' and customer_code = ?",
                code);
        assertThat(events).hasSize(1);
        String detail = (String) events.get(0).get("detail");
        assertThat(detail)
                .contains("idCardNo", "mobilePhone", "bankAccount", "responsiblePerson", "contactPerson", "birthday")
                .doesNotContain(ID_CARD).doesNotContain(MOBILE).doesNotContain(BANK).doesNotContain("张三丰")
                .doesNotContain("03-15").doesNotContain("AES:");
        assertThat(events.get(0).get("actor")).isEqualTo("system");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'CUSTOMER_RETENTION_RUN'",
                Long.class)).isPositive();
    }

    @Test
    void personalDataIsKeptUntilTheRetentionPeriodHasRunOutAndActiveCustomersAreNeverTouched() {
        County c = county();
        String recent = personalCustomer(c);
        String active = personalCustomer(c);
        cancelledAt(recent, yearsAgo(3, 1));
        jdbc.update("update customer set updated_at = ? where customer_code = ?", Timestamp.from(yearsAgo(10, 0)), active);

        retention.runNow();

        for (String code : List.of(recent, active)) {
            Map<String, Object> row = jdbc.queryForMap(
                    "select id_card_no, responsible_person from customer where customer_code = ?", code);
            assertThat((String) row.get("id_card_no")).as(code).startsWith("AES:");
            assertThat(row.get("responsible_person")).isEqualTo("张三丰");
            assertThat(jdbc.queryForObject("select count(*) from customer_erasure where customer_code = ?", Long.class,
                    code)).isZero();
        }
        var consent = http.get("/api/v1/customers/" + recent + "/consent", c.manager()).json();
        assertThat(consent.get("personalDataDestroyed").isNull()).isTrue();
    }

    @Test
    void aCustomerIsDestroyedOnceAndASecondRunChangesNothing() {
        County c = county();
        String code = personalCustomer(c);
        cancelledAt(code, yearsAgo(4, 0));
        retention.runNow();
        long version = jdbc.queryForObject("select version from customer where customer_code = ?", Long.class, code);
        retention.runNow();
        assertThat(jdbc.queryForObject("select version from customer where customer_code = ?", Long.class, code))
                .isEqualTo(version);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'CUSTOMER_PERSONAL_DATA_DESTROYED' "
                + "and customer_code = ?", Long.class, code)).isEqualTo(1);
    }

    /**
     * V255: a customer created by an import has its creation stored as one history row; the erasure clears the
     * destroyed fields' values in it too (the entries stay, without values), and nothing else of that row may change.
     */
    @Test
    void erasureClearsTheDestroyedValuesOfACreationStoredAsOneRow() {
        County c = county();
        String code = digits(12);
        String csv = "customerCode,licenceNo,storeName,retailFormat,marketType,countyCode,customerManager,idCardNo,"
                + "mobilePhone,contactPerson,address\n" + code + "," + digits(12) + ",一行销毁店,1,1," + c.code() + ","
                + c.managerName() + "," + ID_CARD + "," + MOBILE + ",李四,文三路2号\n";
        var imported = new FileTransfer(http.base()).upload("/api/v1/customers/import", c.marketDept(), "c.csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
        assertThat(imported.json().get("created").asInt()).as("%s", imported).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from customer_history where customer_code = ? and field = '*'",
                Integer.class, code)).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.update("update customer_history set created_values[1] = null "
                + "where customer_code = ? and field = '*'", code)).isInstanceOf(DataAccessException.class);
        cancelledAt(code, yearsAgo(3, -1));

        assertThat(retention.runNow()).isPresent();

        Map<String, String> entries = new java.util.HashMap<>();
        jdbc.query("select field, new_value from customer_history_entry where customer_code = ? and source like 'IMPORT:%'",
                rs -> {
                    entries.put(rs.getString(1), rs.getString(2));
                }, code);
        assertThat(entries).containsKeys("idCardNo", "mobilePhone", "contactPerson")
                .containsEntry("address", "文三路2号").containsEntry("storeName", "一行销毁店");
        assertThat(entries.get("idCardNo")).isNull();
        assertThat(entries.get("mobilePhone")).isNull();
        assertThat(entries.get("contactPerson")).isNull();
        assertThat(jdbc.queryForObject("select count(*) from customer_history where customer_code = ? "
                + "and array_to_string(created_values, '|') like '%李四%'", Integer.class, code)).isZero();
        var history = http.get("/api/v1/customers/" + code + "/history", c.marketDept()).json();
        history.forEach(h -> {
            if (h.get("field").asString().equals("idCardNo")) {
                assertThat(h.get("newValue").isNull()).isTrue();
            }
        });
        // only the destroyed fields' values may be cleared, nothing else of the row changed
        assertThatThrownBy(() -> jdbc.update("update customer_history set created_values = array_replace(created_values, "
                + "'文三路2号', null) where customer_code = ? and field = '*'", code)).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("update customer_history set created_fields = created_fields[1:2] "
                + "where customer_code = ? and field = '*'", code)).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("delete from customer_history where customer_code = ? and field = '*'", code))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void theHistoryStaysAppendOnlyExceptForClearingTheValuesOfDestroyedFields() {
        County c = county();
        String kept = personalCustomer(c);
        assertThatThrownBy(() -> jdbc.update("update customer_history set old_value = null, new_value = null "
                + "where customer_code = ? and field = 'idCardNo'", kept)).isInstanceOf(DataAccessException.class);
        String destroyed = personalCustomer(c);
        cancelledAt(destroyed, yearsAgo(5, 0));
        retention.runNow();
        // even after the erasure: only clearing values of destroyed fields, nothing else, no deletion
        assertThatThrownBy(() -> jdbc.update("update customer_history set new_value = 'x' where customer_code = ? "
                + "and field = 'idCardNo'", destroyed)).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("update customer_history set old_value = null, new_value = null "
                + "where customer_code = ? and field = 'address'", destroyed)).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("delete from customer_history where customer_code = ?", destroyed))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("delete from customer_erasure where customer_code = ?", destroyed))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void theCustomerPageShowsTheConsentAndWhatWasDestroyed() throws Exception {
        County c = county();
        String code = personalCustomer(c);
        String page = pageAs(c.managerName(), "/customers/" + code);
        assertThat(page).contains("data-test=\"consent\"").contains("已取得零售户同意采集其个人信息").contains("直接录入")
                .contains("测试md");
        String cancelledLately = personalCustomer(c);
        cancelledAt(cancelledLately, yearsAgo(1, 0));
        assertThat(pageAs(c.managerName(), "/customers/" + cancelledLately)).contains("data-test=\"destruction-due\"")
                .contains("保留期满后销毁");
        cancelledAt(code, yearsAgo(3, -1));
        retention.runNow();
        assertThat(pageAs(c.managerName(), "/customers/" + code)).contains("data-test=\"erasure\"")
                .contains("负责人身份证号").contains("手机号码");
    }
}
