package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.customer.domain.SensitiveDataCipher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * 查询总数 — the exact {@code total} of a text search, which for broad queries comes from counters (customers per
 * code, licence and initials prefix and per name gram, by county, manager and status), agrees with a brute-force
 * count and sort of the matches, for every kind of query, in the OWN, TEAM and COMPANY scopes, and through changes
 * of status, manager, county and imports.
 */
class CustomerSearchTotalsTest extends CustomerApiTestBase {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern INITIALS = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern PHONE_LIKE = Pattern.compile("[0-9 -]{7,20}");

    @Autowired
    SensitiveDataCipher cipher;

    private FileTransfer files;
    private County c;
    private long countyId;
    private String cm2;
    /** Six digits every code of this test starts with (but two), and six every licence but one starts with. */
    private String base;
    private String licBase;
    private final List<JsonNode> customers = new ArrayList<>();
    private final List<String> phones = new ArrayList<>();

    @BeforeEach
    void archive() {
        files = new FileTransfer(http.base());
        c = county();
        countyId = jdbc.queryForObject("select id from org_unit where code = ?", Long.class, c.code());
        cm2 = "cm" + unique();
        userWithRoles(cm2, c.code(), c.marketManagerName(), List.of("CUSTOMER_MANAGER"));
        base = digits(6);
        licBase = digits(6);
        String[] names = {"华信超市", "华兴商店", "好又多超市", "HX便利店", "老hx店", "超市之家", "信超市联营", "欢乐KTV",
                "华信超市二店", "便民小卖部", "hxcs烟酒", "平安超市"};
        for (int i = 0; i < names.length; i++) {
            Map<String, Object> fields = minimal(names[i]);
            fields.put("customerCode", base + String.format("%06d", i * 7));
            fields.put("licenceNo", licBase + String.format("%06d", i * 7));
            String phone = "139" + digits(8);
            phones.add(phone);
            fields.put("mobilePhone", phone);
            if (i % 3 != 2) {
                fields.put("customerManager", i % 3 == 0 ? c.managerName() : cm2);
            }
            customers.add(create(c, fields));
        }
        // the two levels the prefix counters leave out: a code equal to a query's digits or one digit longer
        customers.add(createManaged(c, "短码店", "customerCode", base + "01"));
        customers.add(createManaged(c, "长码店", "customerCode", base + "0123456789"));
        // a licence starting with the codes' digits on a customer whose code does not
        customers.add(createManaged(c, "许可店", "customerCode", digits(12), "licenceNo", base + "999999"));
        // a store name holding the first four digits of the codes, its code and licence elsewhere
        customers.add(createManaged(c, "便民" + base.substring(0, 4) + "店", "customerCode", digits(12)));
    }

    @Test
    void totalOfABroadCodePrefixComesFromTheCountersAndStillCountsLicenceAndNameMatchesOnce() {
        String four = base.substring(0, 4);
        JsonNode page = search(c.marketDept(), "countyCode=" + c.code() + "&" + q(four));
        assertThat(page.get("total").asLong()).as("12 + 2 codes, the licence-only and the name-only customer")
                .isEqualTo(16);
        assertThat(jdbc.queryForObject("select sum(customers) from customer_prefix_count where kind = 'c' and prefix = ?"
                + " and county_org_unit_id = ?", Long.class, four, countyId)).as("counted, not visited").isEqualTo(14);
        assertThat(jdbc.queryForObject("select sum(customers) from customer_prefix_count where kind = 'l' and prefix = ?"
                + " and county_org_unit_id = ?", Long.class, four, countyId)).isEqualTo(1);
        assertAllAgree();
    }

    @Test
    void totalsOfEveryKindOfQueryEqualACountOfTheMatchesInEveryScopeAndPage() {
        assertAllAgree();
    }

    @Test
    void totalsFollowStatusManagerAndCountyChangesAndImports() {
        JsonNode first = customers.get(0);
        String code = first.get("customerCode").asString();
        String path = "/api/v1/customers/" + code;
        assertThat(http.patch(path, c.marketDept(), Map.of("version", version(code), "status", "SUSPENDED",
                "statusReason", "装修")).status()).isEqualTo(200);
        assertThat(http.patch(path, c.marketDept(), Map.of("version", version(code), "customerManager", cm2))
                .status()).isEqualTo(200);
        String renamed = customers.get(1).get("customerCode").asString();
        assertThat(http.patch("/api/v1/customers/" + renamed, c.marketDept(), Map.of("version", version(renamed),
                "storeName", "欢乐超市")).status()).isEqualTo(200);
        // another county: the counters move with the customer (no API moves a customer between counties)
        County other = county();
        jdbc.update("update customer set county_org_unit_id = (select id from org_unit where code = ?), customer_manager = null"
                + " where customer_code = ?", other.code(), customers.get(2).get("customerCode").asString());

        String updated = customers.get(4).get("customerCode").asString();
        String csv = String.join("\n", "customerCode,licenceNo,storeName,retailFormat,marketType,countyCode,customerManager",
                updated + "," + customers.get(4).get("licenceNo").asString() + ",华信导入店,2,1," + c.code() + ","
                        + c.managerName(),
                base + "555555," + digits(12) + ",好又多新店,2,1," + c.code() + "," + cm2,
                base + "5555," + digits(12) + ",短码导入店,2,1," + c.code() + ",");
        var r = files.upload("/api/v1/customers/import", c.marketDept(), "t.csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.json().get("created").asInt()).as("%s", r.text()).isEqualTo(2);
        assertThat(r.json().get("updated").asInt()).as("%s", r.text()).isEqualTo(1);

        assertAllAgree();
        for (String filter : List.of("status=SUSPENDED", "status=ACTIVE", "customerManager=" + cm2)) {
            for (String q : List.of(base.substring(0, 3), "hx", "超市", "信超市")) {
                assertAgrees(c.marketDept(), "true", List.of(), filter + "&" + q(q), q);
            }
        }
    }

    private long version(String code) {
        return http.get("/api/v1/customers/" + code, c.marketDept()).json().get("version").asLong();
    }

    private void assertAllAgree() {
        List<String> queries = new ArrayList<>(List.of("hx", "HX", "h", "hxc", "hxcs", "hlktv", "KTV", "KT", "超", "超市",
                "信超市", "华信超市", "华信超市二", "hxcs烟酒", "超市之", base.substring(0, 4), licBase.substring(0, 4), licBase));
        for (int k = 1; k <= 6; k++) {
            queries.add(base.substring(0, k));
        }
        queries.addAll(List.of(base + "0", base + "00", base + "01", base + "000", base + "000007", base + "0123456789",
                base + "99"));
        queries.add(phones.get(3));
        queries.add(phones.get(3).substring(7));
        String team = "c.customer_manager = any(?)";
        for (String q : queries) {
            assertAgrees(c.manager(), team, List.of((Object) new String[] {c.managerName()}), q(q), q);
            assertAgrees(c.marketManager(), team, List.of((Object) new String[] {c.managerName(), cm2}), q(q), q);
            assertAgrees(c.marketDept(), "c.county_org_unit_id = ?", List.of(countyId), "countyCode=" + c.code()
                    + "&" + q(q), q);
            assertAgrees(c.marketDept(), "true", List.of(), q(q), q);
        }
    }

    /** The search's total and first pages (both orders of codes, pages of 5) against a brute-force SELECT. */
    private void assertAgrees(String token, String scopeSql, List<Object> scopeArgs, String params, String q) {
        List<Object> args = new ArrayList<>(scopeArgs);
        String filters = "";
        for (String p : params.split("&")) {
            if (p.startsWith("status=")) {
                filters += " and c.status = ?";
                args.add(p.substring(7));
            } else if (p.startsWith("customerManager=")) {
                filters += " and c.customer_manager = ?";
                args.add(p.substring(16));
            }
        }
        String where = "(" + scopeSql + ")" + filters + " and (" + matches(q, args) + ")";
        List<String> asc = jdbc.queryForList("select c.customer_code from customer c where " + where
                + " order by c.customer_code", String.class, args.toArray());
        if (params.contains("countyCode=")) {
            asc = jdbc.queryForList("select c.customer_code from customer c where " + where
                    + " and c.county_org_unit_id = ? order by c.customer_code", String.class,
                    concat(args, countyId).toArray());
        }
        List<String> desc = new ArrayList<>(asc);
        java.util.Collections.reverse(desc);
        for (int page = 0; page < 2; page++) {
            JsonNode up = search(token, params + "&size=5&page=" + page);
            assertThat(up.get("total").asLong()).as("total of %s as %s", params, scopeSql).isEqualTo(asc.size());
            assertThat(codes(up)).as("page %d of %s as %s", page, params, scopeSql)
                    .containsExactlyElementsOf(asc.subList(Math.min(asc.size(), page * 5), Math.min(asc.size(), page * 5 + 5)));
            JsonNode down = search(token, params + "&size=5&sort=customerCode,desc&page=" + page);
            assertThat(down.get("total").asLong()).isEqualTo(asc.size());
            assertThat(codes(down)).as("page %d of %s as %s, codes descending", page, params, scopeSql)
                    .containsExactlyElementsOf(desc.subList(Math.min(desc.size(), page * 5), Math.min(desc.size(), page * 5 + 5)));
        }
        JsonNode byName = search(token, params + "&size=100&sort=storeName");
        assertThat(byName.get("total").asLong()).isEqualTo(asc.size());
        assertThat(codes(byName)).containsExactlyInAnyOrderElementsOf(asc.size() <= 100 ? asc : codes(byName));
    }

    /** What q matches, written plainly from the kinds of query (no index in mind). */
    private String matches(String q, List<Object> args) {
        List<String> any = new ArrayList<>();
        if (DIGITS.matcher(q).matches()) {
            any.add("starts_with(c.customer_code, ?) or starts_with(c.licence_no, ?)");
            args.add(q);
            args.add(q);
        }
        if (INITIALS.matcher(q).matches()) {
            any.add("starts_with(c.store_name_initials, lower(?))");
            args.add(q);
        }
        if (PHONE_LIKE.matcher(q).matches()) {
            any.add("c.mobile_phone_hash = ? or c.order_phone_hash = ?");
            args.add(cipher.phoneHash(q));
            args.add(cipher.phoneHash(q));
            if (q.length() <= 8) {
                any.add("c.mobile_phone_local_hash = ? or c.order_phone_local_hash = ?");
                args.add(cipher.localNumberHash(q));
                args.add(cipher.localNumberHash(q));
            }
        }
        if (q.matches("[0-9]{4}")) {
            any.add("c.mobile_phone_tail_hash = ? or c.order_phone_tail_hash = ?");
            args.add(cipher.phoneTailHash(q));
            args.add(cipher.phoneTailHash(q));
        }
        any.add("strpos(c.store_name, ?) > 0");
        args.add(q);
        return String.join(" or ", any);
    }

    private static List<Object> concat(List<Object> a, Object b) {
        List<Object> all = new ArrayList<>(a);
        all.add(b);
        return all;
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.get("items").forEach(i -> codes.add(i.get("customerCode").asString()));
        return codes;
    }
}
