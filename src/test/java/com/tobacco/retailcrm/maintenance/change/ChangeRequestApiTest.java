package com.tobacco.retailcrm.maintenance.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each change-request type end to end through the HTTP API by the right people, and refused for the wrong ones. */
class ChangeRequestApiTest extends ChangeRequestTestBase {

    @Test
    void generalChangeIsCheckedByTheCountyAppliedByTheMarketDepartmentAndConfirmedByTheCounty() {
        County c = county();
        County other = county();
        Depts d = depts();
        String code = customer(c, d.md());

        JsonNode r = raised(c.cm(), code, "GENERAL", "address", "解放路88号", "businessArea", 35.5);
        long id = r.get("id").asLong();
        assertThat(r.get("status").asString()).isEqualTo("OPEN");
        assertThat(r.get("changes").get(0).get("oldValue").asString()).isEqualTo("人民路1号");
        assertThat(r.get("changes").get(0).get("newValue").asString()).isEqualTo("解放路88号");
        assertThat(r.get("changes").get(1).get("oldValue").isNull()).isTrue();
        JsonNode check = current(r);
        assertThat(check.get("step").asString()).isEqualTo("COUNTY_CHECK");
        assertThat(check.get("candidateRole").asString()).isEqualTo("COUNTY_HEAD");
        assertDueAfterWorkingDays(check, "1");

        assertThat(act(other.head(), id, "APPROVE", null).status()).as("another county's head").isEqualTo(403);
        assertThat(act(d.md(), id, "APPROVE", null).status()).as("market dept before the county").isEqualTo(403);
        assertThat(act(c.head(), id, "DONE", null).status()).as("wrong action").isEqualTo(400);
        JsonNode apply = current(done(c.head(), id, "APPROVE", "核实无误"));
        assertThat(apply.get("step").asString()).isEqualTo("MARKET_APPLY");
        assertDueAfterWorkingDays(apply, "1");
        assertThat(customerJson(d.md(), code).get("address").asString()).as("not applied before its step").isEqualTo("人民路1号");

        assertThat(act(c.head(), id, "DONE", null).status()).isEqualTo(403);
        JsonNode applied = done(d.md(), id, "DONE", "已维护");
        assertThat(applied.get("status").asString()).isEqualTo("APPLIED");
        JsonNode customer = customerJson(d.md(), code);
        assertThat(customer.get("address").asString()).isEqualTo("解放路88号");
        assertThat(customer.get("businessArea").decimalValue()).isEqualByComparingTo("35.5");
        assertThat(history(d.md(), code, "address").get(0).get("source").asString()).isEqualTo("CHANGE_REQUEST:" + id);

        JsonNode confirm = current(applied);
        assertThat(confirm.get("step").asString()).isEqualTo("COUNTY_CONFIRM");
        assertThat(act(other.head(), id, "DONE", null).status()).isEqualTo(403);
        JsonNode closed = done(c.head(), id, "DONE", "已确认");
        assertThat(closed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(closed.get("closedAt").isNull()).isFalse();
        assertThat(closed.get("steps")).extracting(s -> s.get("completedBy").asString()).hasSize(3).doesNotContainNull();
        // each decision and the change it applied are audit events under the customer (issue 17, point 4)
        assertThat(jdbc.queryForList("select detail from audit_event where action = 'CASE_STEP_COMPLETED' "
                + "and customer_code = ? order by id", String.class, code)).hasSize(3)
                .allMatch(detail -> detail.contains("type=CHANGE_REQUEST"))
                .anyMatch(detail -> detail.contains("action=APPROVE"));
        assertThat(jdbc.queryForList("select detail from audit_event where action = 'CUSTOMER_CHANGED' "
                + "and customer_code = ?", String.class, code)).singleElement().asString()
                .contains("source=CHANGE_REQUEST:" + id, "fields=address,businessArea").doesNotContain("解放路");

        var mine = http.get("/api/v1/change-requests?mine=true&status=COMPLETED", c.cm());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(ids(mine.json())).contains(id);
        assertThat(http.get("/api/v1/change-requests/" + id, c.cm()).json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(http.get("/api/v1/change-requests/" + id, other.cm()).status()).as("outside the scope").isEqualTo(404);
    }

    @Test
    void phoneChangeIsReviewedByTheManagerApprovedByTheirMarketManagerAndAppliedByTheMarketDepartment() {
        County c = county();
        County other = county();
        Depts d = depts();
        String code = customer(c, d.md());

        JsonNode r = raised(c.cm(), code, "PHONE", "orderPhone", "13912345678");
        long id = r.get("id").asLong();
        assertThat(r.get("changes").get(0).get("oldValue").asString()).as("masked old phone").isEqualTo("138****1111");
        JsonNode review = current(r);
        assertThat(review.get("step").asString()).isEqualTo("MANAGER_REVIEW");
        assertThat(review.get("assignee").asString()).isEqualTo(c.cmName());
        assertThat(act(other.cm(), id, "APPROVE", null).status()).isEqualTo(403);

        JsonNode approve = current(done(c.cm(), id, "APPROVE", "客户本人申请，已核实"));
        assertThat(approve.get("step").asString()).isEqualTo("MARKET_MANAGER_APPROVE");
        assertThat(approve.get("assignee").asString()).as("the manager's supervisor").isEqualTo(c.mmName());
        assertThat(act(other.mm(), id, "APPROVE", null).status()).isEqualTo(403);
        assertThat(act(c.cm(), id, "APPROVE", null).status()).isEqualTo(403);

        JsonNode apply = current(done(c.mm(), id, "APPROVE", null));
        assertThat(apply.get("step").asString()).isEqualTo("MARKET_APPLY");
        assertThat(done(d.md(), id, "DONE", null).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(customerJson(d.md(), code).get("orderPhone").asString()).isEqualTo("13912345678");
    }

    @Test
    void aRequestedPhoneIsSealedAtRestAndShownInClearOnlyToWhoAppliesIt() {
        County c = county();
        Depts d = depts();
        String code = customer(c, d.md());

        JsonNode r = raised(c.cm(), code, "PHONE", "orderPhone", "13912345678");
        long id = r.get("id").asLong();
        String stored = jdbc.queryForObject("select changes::text from change_request where id = ?", String.class, id);
        assertThat(stored).as("at rest").doesNotContain("13912345678").contains("orderPhone");
        assertThat(newValue(r)).as("the requester").isEqualTo("139****5678");
        assertThat(newValue(http.get("/api/v1/change-requests/" + id, d.md()).json()))
                .as("the market department before its step").isEqualTo("139****5678");

        done(c.cm(), id, "APPROVE", "核实");
        JsonNode atApply = done(c.mm(), id, "APPROVE", null);
        assertThat(newValue(atApply)).as("the approver, after their step").isEqualTo("139****5678");
        assertThat(newValue(http.get("/api/v1/change-requests/" + id, d.md()).json())).as("who applies it")
                .isEqualTo("13912345678");
        assertThat(http.get("/api/v1/change-requests/" + id, c.cm()).body()).doesNotContain("13912345678");

        assertThat(done(d.md(), id, "DONE", null).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(customerJson(d.md(), code).get("orderPhone").asString()).isEqualTo("13912345678");
        assertThat(http.get("/api/v1/change-requests/" + id, d.md()).body()).as("once applied")
                .doesNotContain("13912345678");
    }

    private static String newValue(JsonNode request) {
        return request.get("changes").get(0).get("newValue").asString();
    }

    @Test
    void aTypeThatDoesNotFitTheFieldsIsRefusedNamingThem() {
        County c = county();
        Depts d = depts();
        String code = customer(c, d.md());

        var phoneWithAddress = raise(c.cm(), code, "PHONE", "x", "address", "新地址");
        assertThat(phoneWithAddress.status()).isEqualTo(400);
        assertThat(fields(phoneWithAddress.json())).containsExactly("address");

        var generalPhone = raise(c.cm(), code, "GENERAL", "x", "orderPhone", "13912345678");
        assertThat(generalPhone.status()).isEqualTo(400);
        assertThat(fields(generalPhone.json())).containsExactly("orderPhone");

        var systemField = raise(c.cm(), code, "ATTRIBUTE", "x", "businessScale", "1", "retailFormat", "3");
        assertThat(systemField.status()).isEqualTo(400);
        assertThat(fields(systemField.json())).containsExactly("businessScale");

        var badValue = raise(c.cm(), code, "ORDER_CYCLE", "x", "orderDay", "NEVER", "storeName", "新店名");
        assertThat(badValue.status()).isEqualTo(400);
        assertThat(fields(badValue.json())).containsExactlyInAnyOrder("orderDay", "storeName");

        assertThat(raise(c.cm(), code, "BULK", "x", "address", "a").status()).isEqualTo(400);
        assertThat(raise(c.cm(), code, "GENERAL", " ", "address", "a").status()).isEqualTo(400);
        assertThat(raise(c.cm(), code, "GENERAL", "x").status()).as("no changes").isEqualTo(400);
        assertThat(raise(c.cm(), "999999999999", "GENERAL", "x", "address", "a").status()).isEqualTo(404);
        assertThat(raise(adminToken("sysadmin"), code, "GENERAL", "x", "address", "a").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/change-requests?mine=true", c.cm()).json().get("total").asLong())
                .as("nothing half-raised").isZero();
    }

    @Test
    void orderCycleChangeIsApprovedByTheDepartmentAppliedAndTheCustomerNotified() {
        County c = county();
        Depts d = depts();
        String code = customer(c, d.md());

        JsonNode r = raised(c.cm(), code, "ORDER_CYCLE", "orderDay", "TUE", "visitCycle", "BIWEEKLY");
        long id = r.get("id").asLong();
        JsonNode approve = current(r);
        assertThat(approve.get("step").asString()).isEqualTo("DEPT_APPROVE");
        assertThat(approve.get("candidateRole").asString()).isEqualTo("SALES_DEPT");
        assertThat(act(d.distribution(), id, "APPROVE", null).status()).isEqualTo(403);
        done(d.sales(), id, "APPROVE", "线路规划调整");
        JsonNode notify = current(done(d.md(), id, "DONE", null));
        assertThat(notify.get("step").asString()).isEqualTo("CUSTOMER_NOTIFY");
        assertThat(notify.get("assignee").asString()).isEqualTo(c.cmName());
        assertThat(customerJson(d.md(), code).get("orderDay").asString()).isEqualTo("TUE");

        assertThat(act(c.cm(), id, "DONE", null).status()).as("notice text required").isEqualTo(400);
        JsonNode closed = done(c.cm(), id, "DONE", "已电话告知店主：订货日改为周二");
        assertThat(closed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(closed.get("notices")).hasSize(1);
        assertThat(closed.get("notices").get(0).get("message").asString()).contains("周二");

        JsonNode delivery = raised(c.cm(), code, "ORDER_CYCLE", "deliveryRoute", "R-12");
        assertThat(current(delivery).get("candidateRole").asString()).as("delivery fields go to distribution")
                .isEqualTo("DISTRIBUTION_DEPT");
    }

    @Test
    void attributeChangeIsConfirmedByTheManagerApprovedAndApplied() {
        County c = county();
        Depts d = depts();
        String code = customer(c, d.md());

        JsonNode r = raised(c.cm(), code, "ATTRIBUTE", "retailFormat", "3", "monthlyAgreedQty", 120, "quotaCategory", "B");
        long id = r.get("id").asLong();
        assertThat(current(r).get("step").asString()).isEqualTo("MANAGER_CONFIRM");
        assertThat(act(c.mm(), id, "APPROVE", null).status()).isEqualTo(403);
        assertThat(current(done(c.cm(), id, "APPROVE", "符合超市业态标准")).get("step").asString())
                .isEqualTo("MARKET_MANAGER_APPROVE");
        assertThat(current(done(c.mm(), id, "APPROVE", null)).get("step").asString()).isEqualTo("MARKET_APPLY");
        assertThat(done(d.md(), id, "DONE", null).get("status").asString()).isEqualTo("COMPLETED");
        JsonNode customer = customerJson(d.md(), code);
        assertThat(customer.get("retailFormat").asString()).isEqualTo("3");
        assertThat(customer.get("monthlyAgreedQty").asInt()).isEqualTo(120);
        assertThat(customer.get("quotaCategory").asString()).isEqualTo("B");
    }

    @Test
    void urgentStepsAreEachDueWithinHalfANaturalHour() {
        County c = county();
        Depts d = depts();
        String code = customer(c, d.md());

        JsonNode r = raised(c.cm(), code, "URGENT", "status", "SUSPENDED");
        long id = r.get("id").asLong();
        assertHalfHour(current(r));
        assertThat(current(r).get("overdue").asBoolean()).isFalse();
        clock.advance(Duration.ofMinutes(31));
        JsonNode late = http.get("/api/v1/change-requests/" + id, c.cm()).json();
        assertThat(current(late).get("overdue").asBoolean()).as("past half an hour").isTrue();
        assertThat(late.get("overdue").asBoolean()).isTrue();

        JsonNode apply = current(done(c.head(), id, "APPROVE", "停业整顿"));
        assertThat(apply.get("step").asString()).isEqualTo("MARKET_APPLY");
        assertHalfHour(apply);
        JsonNode confirm = current(done(d.md(), id, "DONE", null));
        assertHalfHour(confirm);
        assertThat(customerJson(d.md(), code).get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(done(c.head(), id, "DONE", null).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(late.get("steps").get(0).get("overdue").asBoolean()).isTrue();
    }

    @Test
    void rejectionEndsTheRequestWithTheReasonAndTheRequesterSeesIt() {
        County c = county();
        Depts d = depts();
        String code = customer(c, d.md());

        long id = raised(c.cm(), code, "GENERAL", "address", "乱填的地址").get("id").asLong();
        assertThat(act(c.head(), id, "REJECT", " ").status()).as("reason required").isEqualTo(400);
        JsonNode rejected = done(c.head(), id, "REJECT", "地址与营业执照不符");
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("outcome").asString()).isEqualTo("地址与营业执照不符");
        assertThat(rejected.get("currentSteps")).isEmpty();
        assertThat(rejected.get("steps")).hasSize(1);
        assertThat(act(d.md(), id, "DONE", null).status()).as("nothing left to do").isEqualTo(422);
        assertThat(customerJson(d.md(), code).get("address").asString()).isEqualTo("人民路1号");

        var mine = http.get("/api/v1/change-requests?mine=true&status=REJECTED", c.cm()).json();
        assertThat(ids(mine)).containsExactly(id);
        assertThat(mine.get("items").get(0).get("outcome").asString()).isEqualTo("地址与营业执照不符");
        assertThat(http.get("/api/v1/change-requests?mine=true&status=WHATEVER", c.cm()).status()).isEqualTo(400);
    }

    @Test
    void staleApplyIsRefusedWhenTheSameFieldChangedMeanwhileButNotForAnotherField() {
        County c = county();
        Depts d = depts();
        String code = customer(c, d.md());

        long stale = raised(c.cm(), code, "GENERAL", "address", "申请的新地址").get("id").asLong();
        long fine = raised(c.cm(), code, "GENERAL", "businessArea", 80).get("id").asLong();
        done(c.head(), stale, "APPROVE", null);
        done(c.head(), fine, "APPROVE", null);

        long version = customerJson(d.md(), code).get("version").asLong();
        var patch = http.patch("/api/v1/customers/" + code, d.md(),
                com.tobacco.retailcrm.support.Http.body("address", "市场部直接改的地址", "storeName", "直接改名店" + unique(),
                        "version", version));
        assertThat(patch.status()).as("%s", patch).isEqualTo(200);

        var refused = act(d.md(), stale, "DONE", null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("经营地址");
        JsonNode after = http.get("/api/v1/change-requests/" + stale, d.md()).json();
        assertThat(current(after).get("step").asString()).as("still waiting to be applied or rejected").isEqualTo("MARKET_APPLY");
        assertThat(customerJson(d.md(), code).get("address").asString()).isEqualTo("市场部直接改的地址");

        assertThat(done(d.md(), fine, "DONE", null).get("status").asString()).as("another field changed meanwhile")
                .isEqualTo("APPLIED");
        assertThat(customerJson(d.md(), code).get("businessArea").decimalValue()).isEqualByComparingTo("80");
        assertThat(done(d.md(), stale, "REJECT", "已被直接修改，作废").get("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void aBulkChangeFileMayBeAnXlsxReadByTheArchivesOwnSheetReader() throws Exception {
        County a = county();
        Depts d = depts();
        String one = customer(a, d.md());
        String two = customer(a, d.md());
        var files = new com.tobacco.retailcrm.customer.FileTransfer("http://localhost:" + port);

        byte[] bad = com.tobacco.retailcrm.customer.CustomerImportTest.xlsx(List.of("customerCode", "零售业态"),
                List.of(one, "3"), List.of(two, "77"));
        var refused = files.upload("/api/v1/change-requests/bulk", d.md(), "变更.xlsx", bad, java.util.Map.of("reason", "x"));
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(fields(refused.json())).as("the row as Excel numbers it").containsExactly("rows[3].retailFormat");
        var legacy = files.upload("/api/v1/change-requests/bulk", d.md(), "变更.xlsx", new byte[] {(byte) 0xD0,
                (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, java.util.Map.of("reason", "x"));
        assertThat(legacy.status()).as("an old .xls: %s", legacy).isEqualTo(400);
        assertThat(legacy.text()).contains(".xls");

        byte[] xlsx = com.tobacco.retailcrm.customer.CustomerImportTest.xlsx(List.of("customerCode", "零售业态", "deliveryRoute"),
                List.of(one, "3", "R-9"), List.of("", "", ""), List.of(two, "", "R-8"));
        var raised = files.upload("/api/v1/change-requests/bulk", d.md(), "变更.xlsx", xlsx, java.util.Map.of("reason", "季度调整"));
        assertThat(raised.status()).as("%s", raised).isEqualTo(201);
        JsonNode r = raised.json();
        assertThat(r.get("rows")).hasSize(2);
        assertThat(r.get("rows").get(1).get("row").asInt()).as("blank row skipped, numbering kept").isEqualTo(4);
        long id = r.get("id").asLong();
        JsonNode applied = done(d.mdHead(), id, "APPROVE", "同意");
        assertThat(applied.get("status").asString()).isEqualTo("APPLIED");
        assertThat(customerJson(d.md(), one).get("retailFormat").asString()).isEqualTo("3");
        assertThat(customerJson(d.md(), two).get("deliveryRoute").asString()).isEqualTo("R-8");
    }

    @Test
    void bulkChangeIsApprovedByTheMarketDepartmentHeadAppliedWithAPerRowResultAndReviewedByEachCounty() {
        County a = county();
        County b = county();
        Depts d = depts();
        String one = customer(a, d.md());
        String two = customer(b, d.md());
        String three = customer(a, d.md());

        String bad = "customerCode,零售业态,deliveryRoute\n" + one + ",3,R-1\n" + two + ",77,R-2\n";
        var refused = upload(d.md(), "changes.csv", bad, "季度线路调整");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused.json())).containsExactly("rows[3].retailFormat");
        assertThat(upload(d.md(), "changes.txt", bad, "x").status()).isEqualTo(400);
        assertThat(upload(a.cm(), "changes.csv", bad, "x").status()).isEqualTo(403);

        String csv = "customerCode,零售业态,deliveryRoute\r\n" + one + ",3,R-1\r\n" + two + ",,\"R-2,东\"\r\n" + three + ",5,\r\n";
        JsonNode r = upload(d.md(), "changes.csv", csv, "季度线路调整").json();
        long id = r.get("id").asLong();
        assertThat(r.get("type").asString()).isEqualTo("BULK");
        assertThat(r.get("rows")).hasSize(3);
        JsonNode approve = current(r);
        assertThat(approve.get("step").asString()).isEqualTo("BULK_APPROVE");
        assertThat(approve.get("assignee").asString()).as("the uploader's head").isEqualTo(d.mdHeadName());

        long version = customerJson(d.md(), three).get("version").asLong();
        assertThat(http.patch("/api/v1/customers/" + three, d.md(), com.tobacco.retailcrm.support.Http.body(
                "retailFormat", "1", "version", version)).status()).isEqualTo(200);

        assertThat(act(d.md(), id, "APPROVE", null).status()).as("not the uploader's own approval").isEqualTo(403);
        JsonNode applied = done(d.mdHead(), id, "APPROVE", "同意");
        assertThat(applied.get("status").asString()).isEqualTo("APPLIED");
        List<String> results = new ArrayList<>();
        applied.get("rows").forEach(row -> results.add(row.get("result").asString()));
        assertThat(results).containsExactly("APPLIED", "APPLIED", "FAILED");
        assertThat(applied.get("rows").get(2).get("message").asString()).contains("零售业态");
        assertThat(customerJson(d.md(), one).get("retailFormat").asString()).isEqualTo("3");
        assertThat(customerJson(d.md(), two).get("deliveryRoute").asString()).isEqualTo("R-2,东");
        assertThat(customerJson(d.md(), three).get("retailFormat").asString()).isEqualTo("1");
        assertThat(history(d.md(), one, "deliveryRoute").get(0).get("source").asString()).isEqualTo("CHANGE_REQUEST:" + id);

        assertThat(applied.get("currentSteps")).hasSize(2);
        applied.get("currentSteps").forEach(s -> {
            assertThat(s.get("step").asString()).isEqualTo("COUNTY_REVIEW");
            assertDueAfterWorkingDays(s, "1");
        });
        assertThat(done(a.head(), id, "DONE", "已复核").get("status").asString()).isEqualTo("APPLIED");
        assertThat(act(a.head(), id, "DONE", null).status()).as("county A already reviewed").isEqualTo(403);
        assertThat(done(b.head(), id, "DONE", "已复核").get("status").asString()).isEqualTo("COMPLETED");
    }

    private void assertDueAfterWorkingDays(JsonNode step, String days) {
        String start = URLEncoder.encode(step.get("createdAt").asString(), StandardCharsets.UTF_8);
        var due = http.get("/api/v1/calendar/due?start=" + start + "&amount=" + days + "&unit=WORKING_DAY",
                adminToken("sysadmin"));
        assertThat(due.status()).as("%s", due).isEqualTo(200);
        assertThat(OffsetDateTime.parse(step.get("dueAt").asString()).toInstant())
                .isEqualTo(OffsetDateTime.parse(due.json().get("due").asString()).toInstant());
    }

    private static void assertHalfHour(JsonNode step) {
        assertThat(Duration.between(OffsetDateTime.parse(step.get("createdAt").asString()),
                OffsetDateTime.parse(step.get("dueAt").asString()))).isEqualTo(Duration.ofMinutes(30));
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> f = new ArrayList<>();
        problem.get("errors").forEach(e -> f.add(e.get("field").asString()));
        return f;
    }
}
