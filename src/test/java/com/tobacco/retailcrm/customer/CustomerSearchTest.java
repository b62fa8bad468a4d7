package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Search by code, licence, name, pinyin initials and phone, within the caller's data scope, safe for any input. */
class CustomerSearchTest extends CustomerApiTestBase {

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(i -> names.add(i.get("storeName").asString()));
        return names;
    }

    @Test
    void findsByPinyinInitialsIncludingPolyphonesNameSubstringCodeLicenceAndPhone() {
        County c = county();
        var hx = createManaged(c, "华信超市", "orderPhone", "0571-8" + digits(7));
        createManaged(c, "重庆小面馆");
        createManaged(c, "长城烟酒行");
        String in = "countyCode=" + c.code() + "&";
        assertThat(names(search(c.marketDept(), in + q("hxcs")))).containsExactly("华信超市");
        assertThat(names(search(c.marketDept(), in + q("HXCS")))).containsExactly("华信超市");
        assertThat(names(search(c.marketDept(), in + q("cqxm")))).as("重 read chong in 重庆").containsExactly("重庆小面馆");
        assertThat(names(search(c.marketDept(), in + q("zqxm")))).isEmpty();
        assertThat(names(search(c.marketDept(), in + q("ccyj")))).as("长 read chang in 长城").containsExactly("长城烟酒行");
        assertThat(names(search(c.marketDept(), in + q("小面")))).containsExactly("重庆小面馆");
        String code = hx.get("customerCode").asString();
        assertThat(names(search(c.marketDept(), in + q(code.substring(0, 7))))).contains("华信超市");
        String licence = hx.get("licenceNo").asString();
        assertThat(names(search(c.marketDept(), in + q(licence.substring(0, 8))))).contains("华信超市");
        String phone = http.get("/api/v1/customers/" + code, c.marketDept()).json().get("orderPhone").asString();
        assertThat(names(search(c.marketDept(), q(phone)))).containsExactly("华信超市");
        assertThat(names(search(c.marketDept(), q(phone.replace("-", ""))))).containsExactly("华信超市");
        assertThat(names(search(c.marketDept(), q(phone.substring(0, 9))))).as("phones match exactly only").isEmpty();
    }

    @Test
    void findsAPhoneByItsLastFourDigitsAndAFixedLineWithoutItsAreaCodeWithoutKeepingEitherInClear() {
        County c = county();
        String local = "8" + digits(7);
        var fixed = createManaged(c, "尾号固话店", "orderPhone", "0571-" + local);
        String mobile = "139" + digits(8);
        var mobileShop = createManaged(c, "尾号手机店", "mobilePhone", mobile);
        String in = "countyCode=" + c.code() + "&";
        assertThat(names(search(c.marketDept(), in + q(local.substring(4))))).contains("尾号固话店");
        assertThat(names(search(c.marketDept(), in + q(mobile.substring(7))))).contains("尾号手机店");
        assertThat(names(search(c.marketDept(), in + q(local)))).as("without the area code").containsExactly("尾号固话店");
        assertThat(names(search(c.marketDept(), in + q(local.substring(0, 4)))))
                .as("four digits are the last four, not any four").doesNotContain("尾号固话店");
        assertThat(names(search(c.manager(), q(mobile.substring(7))))).as("own customers only").contains("尾号手机店");

        String mobileCode = mobileShop.get("customerCode").asString();
        var stored = jdbc.queryForList("select order_phone, order_phone_tail_hash, order_phone_local_hash, mobile_phone, "
                + "mobile_phone_tail_hash from customer where customer_code in (?, ?)",
                fixed.get("customerCode").asString(), mobileCode);
        assertThat(stored).hasSize(2);
        assertThat(stored.toString()).doesNotContain(local).doesNotContain(local.substring(4))
                .doesNotContain(mobile.substring(7));
        assertThat(stored.get(0).get("order_phone_tail_hash") != null
                || stored.get(1).get("order_phone_tail_hash") != null).isTrue();

        String newMobile = "137" + digits(4) + "0" + mobile.substring(8, 10) + (mobile.charAt(10) == '9' ? "8" : "9");
        var patched = http.patch("/api/v1/customers/" + mobileCode, c.marketDept(),
                Map.of("version", mobileShop.get("version").asLong(), "mobilePhone", newMobile));
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        assertThat(names(search(c.marketDept(), in + q(newMobile.substring(7))))).as("the new last four")
                .contains("尾号手机店");
        assertThat(names(search(c.marketDept(), in + q(mobile.substring(7))))).as("not the old")
                .doesNotContain("尾号手机店");
    }

    /**
     * A one- or two-character name search takes its exact total from the gram counters (a name repeating the
     * gram counts once), which follow renames, status changes and the data scope; every page and sort agree with it.
     */
    @Test
    void shortNameTotalsAreExactThroughRenamesStatusFiltersScopeAndPages() {
        County c = county();
        createManaged(c, "旺旺超市");
        createManaged(c, "超市之家");
        createManaged(c, "超超超市");
        var renamed = createManaged(c, "好又多超市");
        create(c, minimal("平安超市"));
        createManaged(c, "便利店");
        String in = "countyCode=" + c.code() + "&";
        assertThat(search(c.marketDept(), in + q("超市")).get("total").asLong()).isEqualTo(5);
        assertThat(search(c.marketDept(), in + q("超")).get("total").asLong()).as("超超超市 counts once").isEqualTo(5);
        assertThat(search(c.marketDept(), in + q("超市") + "&customerManager=" + c.managerName()).get("total").asLong())
                .isEqualTo(4);
        assertThat(search(c.manager(), q("超市")).get("total").asLong()).as("own customers only").isEqualTo(4);

        String code = renamed.get("customerCode").asString();
        long version = http.get("/api/v1/customers/" + code, c.marketDept()).json().get("version").asLong();
        assertThat(http.patch("/api/v1/customers/" + code, c.marketDept(),
                Map.of("version", version, "storeName", "好又多商店")).status()).isEqualTo(200);
        assertThat(search(c.marketDept(), in + q("超市")).get("total").asLong()).isEqualTo(4);
        assertThat(search(c.marketDept(), in + q("商店")).get("total").asLong()).isEqualTo(1);
        assertThat(search(c.marketDept(), in + q("超市") + "&status=ACTIVE").get("total").asLong()).isEqualTo(4);
        assertThat(search(c.marketDept(), in + q("超市") + "&status=SUSPENDED").get("total").asLong()).isZero();

        List<String> byCode = new ArrayList<>();
        List<String> byName = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            JsonNode p = search(c.marketDept(), in + q("超市") + "&size=1&page=" + page);
            assertThat(p.get("total").asLong()).isEqualTo(4);
            byCode.addAll(names(p));
            byName.addAll(names(search(c.marketDept(), in + q("超市") + "&size=1&sort=storeName,desc&page=" + page)));
        }
        assertThat(byCode).containsExactlyInAnyOrder("旺旺超市", "超市之家", "超超超市", "平安超市");
        assertThat(byName).containsExactlyInAnyOrderElementsOf(byCode);
        assertThat(names(search(c.marketDept(), in + q("超市") + "&size=1&page=4"))).isEmpty();
        assertThat(search(c.marketDept(), in + q("超市") + "&retailFormat=2").get("total").asLong())
                .as("a filter the counters do not carry: counted from the matches").isEqualTo(4);
    }

    /** q is matched only in the ways its shape allows, each through its own index; results as before otherwise. */
    @Test
    void searchKindsFollowTheShapeOfTheQuery() {
        County c = county();
        var digitsInName = createManaged(c, "便民店8848");
        createManaged(c, "欢乐KTV");
        createManaged(c, "A座便利店");
        createManaged(c, "华信超市");
        String in = "countyCode=" + c.code() + "&";
        // contains, not containsExactly: another customer's random code or licence may start with these digits
        assertThat(names(search(c.marketDept(), in + q("8848")))).as("digits: code, licence or store name")
                .contains("便民店8848");
        assertThat(names(search(c.marketDept(), in + q("48")))).as("two digits: also inside store names (grams index)")
                .contains("便民店8848");
        String code = digitsInName.get("customerCode").asString();
        assertThat(names(search(c.marketDept(), in + q(code.substring(0, 9))))).as("a digit string is a code prefix")
                .containsExactly("便民店8848");
        assertThat(names(search(c.marketDept(), in + q(code.substring(0, code.length() - 1) + "x")))).isEmpty();
        assertThat(names(search(c.marketDept(), in + q("KTV")))).as("letters: initials prefix or store name")
                .containsExactly("欢乐KTV");
        assertThat(names(search(c.marketDept(), in + q("hlk")))).containsExactly("欢乐KTV");
        assertThat(names(search(c.marketDept(), in + q("KT")))).as("two letters: initials prefix or store name")
                .containsExactly("欢乐KTV");
        assertThat(names(search(c.marketDept(), in + q("hx")))).containsExactly("华信超市");
        assertThat(names(search(c.marketDept(), in + q("A座")))).as("mixed two characters: the grams index")
                .containsExactly("A座便利店");
        assertThat(names(search(c.marketDept(), in + q("便")))).as("one Chinese character")
                .containsExactlyInAnyOrder("便民店8848", "A座便利店");
        assertThat(names(search(c.marketDept(), in + q("便利")))).containsExactly("A座便利店");
        assertThat(search(c.marketDept(), in + q("便")).get("total").asLong()).isEqualTo(2);
        JsonNode second = search(c.marketDept(), in + q("便") + "&size=1&page=1&sort=storeName,desc");
        assertThat(second.get("items").size()).isEqualTo(1);
        assertThat(second.get("total").asLong()).as("total of a text search counts all matches, not the page")
                .isEqualTo(2);
        JsonNode beyond = search(c.marketDept(), in + q("便") + "&size=1&page=9");
        assertThat(beyond.get("items").size()).isZero();
        assertThat(beyond.get("total").asLong()).as("a page after the last still says the total").isEqualTo(2);
    }

    @Test
    void filtersIncompleteAndPaging() {
        County c = county();
        createManaged(c, "甲店");
        createManaged(c, "乙店", "retailFormat", "1", "marketType", "2");
        String in = "countyCode=" + c.code();
        assertThat(search(c.marketDept(), in + "&retailFormat=1&marketType=2").get("total").asLong()).isEqualTo(1);
        assertThat(search(c.marketDept(), in + "&incomplete=true").get("total").asLong()).isEqualTo(2);
        assertThat(search(c.marketDept(), in + "&status=ACTIVE&customerManager=" + c.managerName()).get("total").asLong())
                .isEqualTo(2);
        JsonNode page = search(c.marketDept(), in + "&size=1&page=1&sort=storeName,desc");
        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(http.get("/api/v1/customers?retailFormat=8", c.marketDept()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/customers?sort=idCardNo", c.marketDept()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/customers?size=501", c.marketDept()).status()).isEqualTo(400);
    }

    @Test
    void hostileSearchTextIsHarmlessAndLeaksNoWildcards() {
        County c = county();
        createManaged(c, "普通店");
        createManaged(c, "五折_特价%店");
        String in = "countyCode=" + c.code() + "&";
        assertThat(names(search(c.marketDept(), in + q("%")))).containsExactly("五折_特价%店");
        assertThat(names(search(c.marketDept(), in + q("_")))).containsExactly("五折_特价%店");
        for (String hostile : List.of("\\", "'", "\"", "' or 1=1 --", "%%", "\\%", "😀", "店😀", "a\u0000b", "[", ")")) {
            var r = http.get("/api/v1/customers?" + in + q(hostile), c.marketDept());
            assertThat(r.status()).as(hostile + " -> " + r).isIn(200, 400);
            if (r.status() == 200) {
                assertThat(r.json().get("total").asLong()).as(hostile).isZero();
            }
        }
        var huge = http.get("/api/v1/customers?" + q("a".repeat(5000)), c.marketDept());
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
        assertThat(http.get("/api/v1/customers?" + q("店".repeat(5000)), c.marketDept()).status())
                .as("refused by the server's URL limit").isEqualTo(400);
    }

    @Test
    void scopeLimitsListGetAndPatch() {
        County a = county();
        County b = county();
        String mine = createManaged(a, "本人客户店").get("customerCode").asString();
        String colleague = userWithRoles("cm" + unique(), a.code(), a.marketManagerName(), List.of("CUSTOMER_MANAGER"));
        String other = createManaged(b, "外县客户店").get("customerCode").asString();
        String headB = userWithRoles("ch" + unique(), b.code(), null, List.of("COUNTY_HEAD"));

        assertThat(names(search(a.manager(), ""))).contains("本人客户店").doesNotContain("外县客户店");
        assertThat(search(colleague, "").get("total").asLong()).isZero();
        assertThat(http.get("/api/v1/customers/" + mine, colleague).status()).isEqualTo(404);
        assertThat(http.patch("/api/v1/customers/" + mine, colleague, Map.of("version", 0, "contactPerson", "x")).status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/customers/" + other, a.marketManager()).status()).isEqualTo(404);
        assertThat(names(search(a.marketManager(), ""))).contains("本人客户店").doesNotContain("外县客户店");
        assertThat(names(search(headB, ""))).contains("外县客户店").doesNotContain("本人客户店");
        assertThat(http.get("/api/v1/customers/" + mine, headB).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/customers/" + mine, adminToken("sysadmin")).status()).as("admins see no customers: 三权分立")
                .isEqualTo(403);
        assertThat(http.get("/api/v1/customers", null).status()).isEqualTo(401);
    }

    @Test
    void managerMustBeAnEnabledCustomerManagerOfTheCustomersCounty() {
        County a = county();
        County b = county();
        var r = http.post("/api/v1/customers", a.marketDept(), withCounty(a, "customerManager", b.managerName()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("customerManager").contains("客户经理");
        assertThat(http.post("/api/v1/customers", a.marketDept(), withCounty(a, "customerManager", a.marketManagerName()))
                .status()).as("not a customer manager").isEqualTo(400);
        var notCounty = minimal("非县区店");
        notCounty.put("countyCode", rootOrgCode());
        assertThat(http.post("/api/v1/customers", a.marketDept(), notCounty).status()).isEqualTo(400);
        assertThat(http.post("/api/v1/customers", a.manager(), withCounty(a, "storeName", "越权店")).status())
                .as("only MARKET_DEPT creates").isEqualTo(403);
    }

    private Map<String, Object> withCounty(County c, String key, Object value) {
        var body = minimal("测试店");
        body.put(key, value);
        body.put("countyCode", c.code());
        return body;
    }
}
