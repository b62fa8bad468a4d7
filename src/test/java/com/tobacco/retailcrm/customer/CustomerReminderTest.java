package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 到期提醒: licence expiry and annual review within 30 days, incomplete new customers overdue, per role's scope. */
class CustomerReminderTest extends CustomerApiTestBase {

    @Test
    void eachRoleSeesTheRemindersOfItsOwnCustomers() {
        County c = county();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        String expiring = createManaged(c, "快到期店", "licenceExpiryDate", today.plusDays(10).toString())
                .get("customerCode").asString();
        String review = createManaged(c, "年审店", "annualReviewDate", today.plusDays(30).toString())
                .get("customerCode").asString();
        String expired = createManaged(c, "已过期店", "licenceExpiryDate", today.minusDays(2).toString())
                .get("customerCode").asString();
        String later = createManaged(c, "远期店", "licenceExpiryDate", today.plusDays(45).toString(),
                "annualReviewDate", today.plusDays(31).toString()).get("customerCode").asString();
        String unmanaged = create(c, withDate(minimal("无经理店"), today.plusDays(5))).get("customerCode").asString();
        County other = county();
        String elsewhere = createManaged(other, "外县店", "licenceExpiryDate", today.plusDays(3).toString())
                .get("customerCode").asString();

        List<String> mine = dated(http.get("/api/v1/customers/reminders", c.manager()).json());
        assertThat(mine).contains("LICENCE_EXPIRY:" + expiring + ":10:false", "ANNUAL_REVIEW:" + review + ":30:false",
                "LICENCE_EXPIRY:" + expired + ":-2:true");
        assertThat(mine).noneMatch(s -> s.contains(later) || s.contains(unmanaged) || s.contains(elsewhere));

        List<String> team = dated(http.get("/api/v1/customers/reminders", c.marketManager()).json());
        assertThat(team).contains("LICENCE_EXPIRY:" + expiring + ":10:false").noneMatch(s -> s.contains(elsewhere));

        List<String> company = dated(http.get("/api/v1/customers/reminders?days=60", c.marketDept()).json());
        assertThat(company).contains("LICENCE_EXPIRY:" + unmanaged + ":5:false", "LICENCE_EXPIRY:" + elsewhere + ":3:false",
                "LICENCE_EXPIRY:" + later + ":45:false", "ANNUAL_REVIEW:" + later + ":31:false");
        List<String> oneManager = dated(http.get("/api/v1/customers/reminders?customerManager=" + c.managerName(),
                c.marketDept()).json());
        assertThat(oneManager).contains("LICENCE_EXPIRY:" + expiring + ":10:false").noneMatch(s -> s.contains(unmanaged));

        assertThat(dated(http.get("/api/v1/customers/reminders", other.manager()).json()))
                .noneMatch(s -> s.contains(expiring));
        assertThat(http.get("/api/v1/customers/reminders?days=0", c.manager()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/customers/reminders", adminToken("sysadmin")).status()).isEqualTo(403);
    }

    @Test
    void aNewCustomerIncompleteAfterFiveWorkingDaysIsOverdue() {
        County c = county();
        String fresh = createManaged(c, "新开店").get("customerCode").asString();
        String old = createManaged(c, "开业一周店").get("customerCode").asString();
        // onboarded on a Monday ten days ago: due the Monday after (5 working days), so overdue now
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        LocalDate monday = today.minusDays(10).with(java.time.DayOfWeek.MONDAY);
        jdbc.update("update customer set created_at = (?::date + time '10:00') at time zone 'Asia/Shanghai' "
                + "where customer_code = ?", monday.toString(), old);

        JsonNode items = http.get("/api/v1/customers/reminders", c.manager()).json();
        JsonNode overdue = find(items, "INCOMPLETE_NEW_CUSTOMER", old);
        assertThat(overdue).isNotNull();
        assertThat(overdue.get("dueDate").asString()).isEqualTo(monday.plusDays(7).toString());
        assertThat(overdue.get("overdue").asBoolean()).isTrue();
        assertThat(overdue.get("detail").asString()).endsWith("%");
        JsonNode notYet = find(items, "INCOMPLETE_NEW_CUSTOMER", fresh);
        assertThat(notYet).isNotNull();
        assertThat(notYet.get("overdue").asBoolean()).isFalse();
        assertThat(find(http.get("/api/v1/customers/reminders", c.marketManager()).json(),
                "INCOMPLETE_NEW_CUSTOMER", old)).isNotNull();

        // a retailer brought in by a bulk import already trades: not a 新增户, no onboarding reminder
        String imported = digits(12);
        String csv = "customerCode,licenceNo,storeName,retailFormat,marketType,countyCode,customerManager\n"
                + imported + "," + digits(12) + ",老字号烟酒,5,1," + c.code() + "," + c.managerName() + "\n";
        var result = new FileTransfer(http.base()).upload("/api/v1/customers/import", c.marketDept(), "load.csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.Map.of());
        assertThat(result.json().get("created").asInt()).as("%s", result).isEqualTo(1);
        assertThat(find(http.get("/api/v1/customers/reminders", c.manager()).json(),
                "INCOMPLETE_NEW_CUSTOMER", imported)).isNull();
    }

    private static java.util.Map<String, Object> withDate(java.util.Map<String, Object> fields, LocalDate expiry) {
        fields.put("licenceExpiryDate", expiry.toString());
        return fields;
    }

    private static List<String> dated(JsonNode items) {
        List<String> keys = new ArrayList<>();
        items.forEach(i -> {
            if (!i.get("kind").asString().equals("INCOMPLETE_NEW_CUSTOMER")) {
                keys.add(i.get("kind").asString() + ":" + i.get("customerCode").asString() + ":"
                        + i.get("daysLeft").asLong() + ":" + i.get("overdue").asBoolean());
            }
        });
        return keys;
    }

    private static JsonNode find(JsonNode items, String kind, String code) {
        for (JsonNode i : items) {
            if (i.get("kind").asString().equals(kind) && i.get("customerCode").asString().equals(code)) {
                return i;
            }
        }
        return null;
    }
}
