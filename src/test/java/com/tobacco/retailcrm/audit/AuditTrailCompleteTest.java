package com.tobacco.retailcrm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.customer.CustomerApiTestBase;
import com.tobacco.retailcrm.support.Http;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The audit trail is complete (issue 17, point 4): refused requests, changes of customer data (the customer and the
 * field names, never a sensitive value), approvals, upkeep runs and every export are audit events.
 */
class AuditTrailCompleteTest extends CustomerApiTestBase {

    private List<Map<String, Object>> events(String action, Instant since) {
        return jdbc.queryForList("select * from audit_event where action = ? and occurred_at >= ? order by id",
                action, Timestamp.from(since));
    }

    @Test
    void aRefusedRequestIsRecordedOncePerCallerAndPathAMinuteHoweverOftenItIsRepeated() {
        clock.advance(java.time.Duration.ofMinutes(1));  // a fresh minute: other tests' refusals do not count here
        Instant start = clock.instant().minusSeconds(1);
        String user = "den" + unique();
        String token = userWithRoles(user, orgUnit("COUNTY", rootOrgCode(), "拒绝县"), null, List.of("CUSTOMER_MANAGER"));
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/api/v1/users", token).status()).isEqualTo(403);
        }
        var denied = events("REQUEST_DENIED", start).stream().filter(e -> user.equals(e.get("actor"))).toList();
        assertThat(denied).hasSize(1);
        assertThat(denied.get(0)).containsEntry("target_id", "GET /api/v1/users").containsEntry("outcome", "DENIED")
                .containsEntry("source_ip", "127.0.0.1");
        assertThat((String) denied.get(0).get("detail")).contains("status=403");
    }

    @Test
    void aChangeOfCustomerDataNamesTheCustomerAndTheFieldsButNeverASensitiveValue() {
        Instant start = clock.instant().minusSeconds(1);
        County c = county();
        var created = createManaged(c, "审计烟酒店");
        String code = created.get("customerCode").asString();
        var create = events("CUSTOMER_CREATED", start).stream().filter(e -> code.equals(e.get("customer_code"))).toList();
        assertThat(create).hasSize(1);
        assertThat((String) create.get(0).get("detail")).contains("storeName").contains("source=DIRECT");

        String mobile = "139" + digits(8);
        var patched = http.patch("/api/v1/customers/" + code, c.marketDept(), Http.body("mobilePhone", mobile,
                "storeName", "审计烟酒店二", "version", created.get("version").asLong()));
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        var change = events("CUSTOMER_CHANGED", start).stream().filter(e -> code.equals(e.get("customer_code"))).toList();
        assertThat(change).hasSize(1);
        assertThat(change.get(0)).containsEntry("target_type", "CUSTOMER").containsEntry("target_id", code);
        String detail = (String) change.get(0).get("detail");
        assertThat(detail).contains("mobilePhone").contains("storeName").doesNotContain(mobile)
                .doesNotContain("审计烟酒店二");
    }

    @Test
    void everyDownloadIsRecordedOnceEvenWhereItsOwnCodeRecordsNothing() {
        Instant start = clock.instant().minusSeconds(1);
        String clerk = "exp" + unique();
        String token = userWithRoles(clerk, orgUnit("COUNTY", rootOrgCode(), "导出县"), null, List.of("MARKET_DEPT"));
        var template = http.get("/api/v1/customers/import-template?format=xlsx", token);
        assertThat(template.status()).as("%s", template).isEqualTo(200);
        var downloads = events("REPORT_EXPORT", start).stream().filter(e -> clerk.equals(e.get("actor"))).toList();
        assertThat(downloads).hasSize(1);
        assertThat(downloads.get(0)).containsEntry("target_type", "DOWNLOAD")
                .containsEntry("target_id", "/api/v1/customers/import-template");
        assertThat((String) downloads.get(0).get("detail")).contains("query=format=xlsx");

        // the customer export records itself, with its filter and row count, and is not recorded a second time
        var export = http.get("/api/v1/customers/export?format=csv", token);
        assertThat(export.status()).as("%s", export).isEqualTo(200);
        assertThat(events("CUSTOMER_EXPORT", start)).anySatisfy(e -> assertThat(e.get("actor")).isEqualTo(clerk));
        assertThat(events("REPORT_EXPORT", start)).noneMatch(e -> String.valueOf(e.get("target_id"))
                .startsWith("/api/v1/customers/export"));
    }

    @Test
    void anUpkeepRunIsRecordedWithWhatItCreated() {
        Instant start = clock.instant().minusSeconds(1);
        var r = http.post("/api/v1/upkeep/runs", adminToken("sysadmin"), Http.body("job", "MONTHLY_CLASS_REPORT"));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        var runs = events("UPKEEP_RUN", start);
        assertThat(runs).isNotEmpty();
        assertThat(runs.get(runs.size() - 1)).containsEntry("actor", "sysadmin")
                .containsEntry("target_id", "MONTHLY_CLASS_REPORT");
        assertThat((String) runs.get(runs.size() - 1).get("detail")).startsWith("created=");
    }
}
