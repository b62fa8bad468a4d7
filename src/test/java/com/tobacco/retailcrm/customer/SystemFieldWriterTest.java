package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.SystemFieldWriter;
import com.tobacco.retailcrm.customer.api.SystemFieldWriter.SystemField;
import com.tobacco.retailcrm.customer.api.SystemFieldWriter.SystemValues;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SystemFieldWriterTest extends CustomerApiTestBase {

    private static final List<SystemField> FIELDS = List.of(new SystemField("businessScale", ChangeSource.classification(41)),
            new SystemField("tier", ChangeSource.classification(41)),
            new SystemField("purchaseQty", ChangeSource.of(ChangeSource.Kind.PURCHASES, "2026-10")));

    @Autowired
    SystemFieldWriter writer;

    @Test
    void writesOnlyChangedValuesOfLiveCustomersWithOneHistoryRowPerChangedField() {
        County c = county();
        String a = createManaged(c, "系统写入甲").get("customerCode").asString();
        String b = createManaged(c, "系统写入乙").get("customerCode").asString();
        String cancelled = createManaged(c, "系统写入丙").get("customerCode").asString();
        jdbc.update("update customer set status = 'CANCELLED' where customer_code = ?", cancelled);
        jdbc.update("update customer set business_scale = '2', tier = 7 where customer_code = ?", b);
        long versionB = version(b);

        int changed = writer.write(FIELDS, List.of(row(a, "1", 30, new BigDecimal("120.50")),
                row(b, "2", 7, null), row(cancelled, "3", 1, BigDecimal.ONE), row("000000000000", "1", 1, BigDecimal.ONE)),
                "#41 2026-10");

        assertThat(changed).isEqualTo(1);
        assertThat(jdbc.queryForList("select field || '=' || coalesce(old_value, '∅') || '→' || new_value || '@' || source"
                + " || ' ' || reason from customer_history where customer_code = ? and changed_by = 'system'",
                String.class, a)).containsExactlyInAnyOrder("businessScale=∅→1@CLASSIFICATION:41 #41 2026-10",
                        "tier=∅→30@CLASSIFICATION:41 #41 2026-10", "purchaseQty=∅→120.5@PURCHASES:2026-10 #41 2026-10");
        var stored = http.get("/api/v1/customers/" + a, c.marketDept()).json();
        assertThat(stored.get("purchaseQty").decimalValue()).isEqualByComparingTo("120.50");
        assertThat(stored.get("tier").asInt()).isEqualTo(30);
        assertThat(version(b)).as("b had these values already").isEqualTo(versionB);
        assertThat(jdbc.queryForObject("select business_scale from customer where customer_code = ?", String.class,
                cancelled)).isNull();

        jdbc.update("update customer set store_name = '系统写入改名', status = 'SUSPENDED' where customer_code = ?", b);
        assertThat(gramCounts("select gram, customer_manager, status, customers from customer_name_gram_count "
                + "where county_org_unit_id = ? and customers <> 0"))
                .as("the gram counters still count exactly the county's names after system writes and a rename")
                .containsExactlyInAnyOrderElementsOf(gramCounts("""
                        select t.gram, coalesce(c.customer_manager, ''), c.status, count(*) from customer c
                        cross join lateral unnest(customer_name_grams(c.store_name) || customer_name_trigrams(c.store_name)) as t(gram)
                        where c.county_org_unit_id = ? group by 1, 2, 3"""));

        long versionA = version(a);
        long historyA = jdbc.queryForObject("select count(*) from customer_history where customer_code = ?", Long.class, a);
        assertThat(writer.write(FIELDS, List.of(row(a, "1", 30, new BigDecimal("120.5"))), null))
                .as("120.5 is the stored 120.50").isZero();
        assertThat(version(a)).isEqualTo(versionA);
        assertThat(jdbc.queryForObject("select count(*) from customer_history where customer_code = ?", Long.class, a))
                .isEqualTo(historyA);
    }

    @Test
    void anInvalidValueRefusesTheWholeCallAndOnlySystemFieldsMayBeWritten() {
        County c = county();
        String a = createManaged(c, "系统写入丁").get("customerCode").asString();
        String b = createManaged(c, "系统写入戊").get("customerCode").asString();
        assertThatThrownBy(() -> writer.write(FIELDS, List.of(row(a, "1", 1, BigDecimal.TEN), row(b, "7", 1, BigDecimal.TEN)),
                null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage() + e.problems()).contains("businessScale"));
        assertThat(jdbc.queryForObject("select count(*) from customer where customer_code in (?, ?) and tier is not null",
                Integer.class, a, b)).isZero();
        assertThatThrownBy(() -> writer.write(List.of(new SystemField("storeName", ChangeSource.classification(43))),
                List.of(new SystemValues(a, List.of("改名"))), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesSelectedInTheDatabaseAreWrittenAsValuesSentAreOnlyWhereTheyDifferInOneStatement() {
        County c = county();
        String a = createManaged(c, "系统选写甲").get("customerCode").asString();
        String b = createManaged(c, "系统选写乙").get("customerCode").asString();
        String cancelled = createManaged(c, "系统选写丙").get("customerCode").asString();
        jdbc.update("update customer set status = 'CANCELLED' where customer_code = ?", cancelled);
        jdbc.update("update customer set business_scale = '2', tier = 7, purchase_qty = 3.50 where customer_code = ?", b);
        long versionB = version(b);

        int changed = writer.write(FIELDS, selected(a, "1", 30, "120.50", b, "2", 7, "3.5", cancelled, "3", 1, "1"),
                "#41 2026-10");

        assertThat(changed).isEqualTo(1);
        assertThat(jdbc.queryForList("select field || '=' || coalesce(old_value, '∅') || '→' || new_value || '@' || source"
                + " || ' ' || reason from customer_history where customer_code = ? and changed_by = 'system'",
                String.class, a)).containsExactlyInAnyOrder("businessScale=∅→1@CLASSIFICATION:41 #41 2026-10",
                        "tier=∅→30@CLASSIFICATION:41 #41 2026-10", "purchaseQty=∅→120.5@PURCHASES:2026-10 #41 2026-10");
        assertThat(jdbc.queryForObject("select purchase_qty from customer where customer_code = ?", BigDecimal.class, a))
                .isEqualByComparingTo("120.50");
        assertThat(version(b)).as("3.5 is the stored 3.50").isEqualTo(versionB);
        assertThat(jdbc.queryForObject("select business_scale from customer where customer_code = ?", String.class,
                cancelled)).isNull();
        long versionA = version(a);
        assertThat(writer.write(FIELDS, selected(a, "1", 30, "120.5"), null)).as("written once").isZero();
        assertThat(version(a)).isEqualTo(versionA);
    }

    @Test
    void aSelectedValueIsCheckedAsTheArchiveChecksItAndMustBeWrittenAsItReads() {
        County c = county();
        String a = createManaged(c, "系统选写丁").get("customerCode").asString();
        String b = createManaged(c, "系统选写戊").get("customerCode").asString();
        assertThatThrownBy(() -> writer.write(FIELDS, selected(a, "1", 1, "10", b, "7", 1, "10"), null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage() + e.problems()).contains("businessScale"));
        assertThatThrownBy(() -> writer.write(FIELDS, selected(a, "1", "2.5", "10"), null))
                .as("a tier of 2.5 is refused, not rounded").isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> writer.write(FIELDS, selected(a, "1", 1, "-1"), null))
                .as("purchases are never negative").isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> writer.write(FIELDS, selected(a, " 1", 1, "10"), null))
                .as("a value written other than it reads").isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.queryForObject("select count(*) from customer where customer_code in (?, ?) and tier is not null",
                Integer.class, a, b)).isZero();
    }

    /** The rows as a SELECT of parameters: code, scale, tier, quantity per customer, as another module's query. */
    private static SystemFieldWriter.SelectedValues selected(Object... values) {
        String rows = String.join(", ", java.util.Collections.nCopies(values.length / 4, "(?, ?, ?, ?)"));
        return new SystemFieldWriter.SelectedValues("select code, scale, tier::text, qty::numeric from (values " + rows
                + ") as t(code, scale, tier, qty)", Arrays.stream(values).<Object>map(String::valueOf).toList());
    }

    private List<String> gramCounts(String sql) {
        long county = jdbc.queryForObject("select county_org_unit_id from customer where store_name = '系统写入甲'",
                Long.class);
        return jdbc.queryForList(sql, county).stream().map(r -> r.values().toString()).toList();
    }

    private long version(String code) {
        return jdbc.queryForObject("select version from customer where customer_code = ?", Long.class, code);
    }

    private static SystemValues row(String code, Object... values) {
        return new SystemValues(code, Arrays.asList(values));
    }
}
