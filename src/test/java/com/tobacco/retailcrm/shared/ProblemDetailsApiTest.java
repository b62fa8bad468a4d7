package com.tobacco.retailcrm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.FoundationApiTest;
import com.tobacco.retailcrm.support.Http;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input is always a 400 problem naming the field, in Chinese or English, never a 500 (issue 3, point 8). */
class ProblemDetailsApiTest extends FoundationApiTest {

    private static final String LONG = "长".repeat(101);

    /** Who calls: the admin whose endpoint it is, or nobody for sign-in. */
    enum Caller { SYS, SEC, NONE }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("malformed JSON", "POST", "/api/v1/org-units", Caller.SYS, "{\"code\": \"X\",", "body"),
                bad("array instead of object", "POST", "/api/v1/org-units", Caller.SYS, "[1, 2]", "body"),
                bad("empty body", "POST", "/api/v1/org-units", Caller.SYS, "", "body"),
                bad("object for a string", "POST", "/api/v1/org-units", Caller.SYS,
                        unit("{\"a\": 1}", "\"COUNTY\"", "\"名称\""), "code"),
                bad("unknown enum code", "POST", "/api/v1/org-units", Caller.SYS, unit("\"X1\"", "\"PLANET\"", "\"名称\""), "type"),
                bad("number for an enum", "POST", "/api/v1/org-units", Caller.SYS, unit("\"X1\"", "1", "\"名称\""), "type"),
                bad("digits for an enum", "POST", "/api/v1/org-units", Caller.SYS, unit("\"X1\"", "\"1\"", "\"名称\""), "type"),
                bad("fraction for an integer", "PATCH", "/api/v1/users/sysadmin", Caller.SYS, "{\"version\":1.5}", "version"),
                bad("unknown field", "POST", "/api/v1/org-units", Caller.SYS,
                        "{\"code\":\"X1\",\"name\":\"n\",\"type\":\"COUNTY\",\"colour\":\"red\"}", "colour"),
                bad("over-long name", "POST", "/api/v1/org-units", Caller.SYS, unit("\"X1\"", "\"COUNTY\"", "\"" + LONG + "\""), "name"),
                bad("NUL character", "POST", "/api/v1/org-units", Caller.SYS, unit("\"X1\"", "\"COUNTY\"", "\"a\\u0000b\""), "name"),
                bad("missing code", "POST", "/api/v1/org-units", Caller.SYS, "{\"name\":\"n\",\"type\":\"COUNTY\"}", "code"),
                bad("null name", "POST", "/api/v1/org-units", Caller.SYS, unit("\"X1\"", "\"COUNTY\"", "null"), "name"),
                bad("code with spaces", "POST", "/api/v1/org-units", Caller.SYS, unit("\"a b\"", "\"COUNTY\"", "\"n\""), "code"),
                bad("missing initial password", "POST", "/api/v1/users", Caller.SYS,
                        "{\"username\":\"u1\",\"displayName\":\"某\",\"orgUnitCode\":\"HQ\"}", "initialPassword"),
                bad("over-long username", "POST", "/api/v1/users", Caller.SYS, user("u".repeat(51), "HQ", null, null), "username"),
                bad("username with spaces", "POST", "/api/v1/users", Caller.SYS, user("a b", "HQ", null, null), "username"),
                bad("bad mobile number", "POST", "/api/v1/users", Caller.SYS, user("u1", "HQ", null, "123"), "phone"),
                bad("unknown org unit", "POST", "/api/v1/users", Caller.SYS, user("u1", "NOPE-NOPE", null, null), "orgUnitCode"),
                bad("unknown supervisor", "POST", "/api/v1/users", Caller.SYS, user("u1", "HQ", "nobody-at-all", null), "supervisor"),
                bad("unknown role", "PUT", "/api/v1/users/secadmin/roles", Caller.SEC, "{\"roles\":[\"KING\"]}", "roles"),
                bad("string for a list", "PUT", "/api/v1/users/secadmin/roles", Caller.SEC, "{\"roles\":\"LEADER\"}", "roles"),
                bad("null roles", "PUT", "/api/v1/users/secadmin/roles", Caller.SEC, "{\"roles\":null}", "roles"),
                bad("text for a boolean", "PATCH", "/api/v1/users/sysadmin", Caller.SYS, "{\"enabled\":\"maybe\",\"version\":0}", "enabled"),
                bad("text for a number", "PATCH", "/api/v1/users/sysadmin", Caller.SYS, "{\"version\":\"abc\"}", "version"),
                bad("missing version", "PATCH", "/api/v1/users/sysadmin", Caller.SYS, "{\"displayName\":\"x\"}", "version"),
                bad("over-long password", "POST", "/api/v1/auth/token", Caller.NONE,
                        "{\"username\":\"x\",\"password\":\"" + "p".repeat(129) + "\"}", "password"),
                bad("missing password", "POST", "/api/v1/auth/token", Caller.NONE, "{\"username\":\"x\"}", "password"),
                bad("page size 501", "GET", "/api/v1/users?size=501", Caller.SYS, null, "size"),
                bad("page size 0", "GET", "/api/v1/users?size=0", Caller.SYS, null, "size"),
                bad("negative page", "GET", "/api/v1/users?page=-1", Caller.SYS, null, "page"),
                bad("unknown sort field", "GET", "/api/v1/users?sort=password_hash", Caller.SYS, null, "sort"),
                bad("bad sort direction", "GET", "/api/v1/users?sort=username,up", Caller.SYS, null, "sort"),
                bad("text for a page number", "GET", "/api/v1/users?page=first", Caller.SYS, null, "page"),
                bad("unknown role filter", "GET", "/api/v1/users?role=KING", Caller.SYS, null, "role"),
                bad("text for a boolean filter", "GET", "/api/v1/users?enabled=maybe", Caller.SYS, null, "enabled"));
    }

    private static Arguments bad(String name, String method, String path, Caller caller, String body, String field) {
        return Arguments.of(name, method, path, caller, body, field);
    }

    private static String unit(String code, String type, String name) {
        return "{\"code\":" + code + ",\"name\":" + name + ",\"type\":" + type + ",\"parentCode\":\"HQ\"}";
    }

    private static String user(String username, String unit, String supervisor, String phone) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"某人\",\"orgUnitCode\":\"" + unit + "\","
                + (supervisor == null ? "" : "\"supervisor\":\"" + supervisor + "\",")
                + (phone == null ? "" : "\"phone\":\"" + phone + "\",")
                + "\"initialPassword\":\"Init#Pass2026\"}";
    }

    private String token(Caller caller) {
        return switch (caller) {
            case SYS -> adminToken("sysadmin");
            case SEC -> adminToken("secadmin");
            case NONE -> null;
        };
    }

    private Http.Response send(String method, String path, String token, String body, String language) {
        String real = path.replace("\"HQ\"", "\"" + rootOrgCode() + "\"");
        Map<String, String> headers = language == null ? Map.of() : Map.of("Accept-Language", language);
        if (method.equals("GET")) {
            return http.get(real, token, headers);
        }
        if (method.equals("POST")) {
            var all = new java.util.HashMap<>(headers);
            all.put("Content-Type", "application/json");
            if (token != null) {
                all.put("Authorization", "Bearer " + token);
            }
            return http.postRaw(real, null, body.replace("\"HQ\"", "\"" + rootOrgCode() + "\""), all);
        }
        return http.method(method, real, token, body);
    }

    private static List<String> fields(Http.Response r) {
        return r.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsAProblemNamingTheField(String name, String method, String path, Caller caller, String body,
                                          String field) {
        String token = token(caller);
        var r = send(method, path, token, body, null);
        assertThat(r.status()).as("%s: %s", name, r).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(fields(r)).as("%s: %s", name, r).anySatisfy(f -> assertThat(f).startsWith(field));
        assertThat(r.json().get("title").asString()).isEqualTo("请求有误");
        assertThat(r.json().get("detail").asString()).containsPattern("\\p{IsHan}");
        assertThat(r.json().get("status").asInt()).isEqualTo(400);

        if (method.equals("GET") || method.equals("POST")) {
            var en = send(method, path, token, body, "en");
            assertThat(en.status()).isEqualTo(400);
            assertThat(en.json().get("title").asString()).isEqualTo("Bad request");
            assertThat(en.json().get("errors").get(0).get("message").asString()).doesNotContainPattern("\\p{IsHan}");
        }
    }

    @Test
    void unknownUsersAndUnitsAre404() {
        String sys = adminToken("sysadmin");
        String missing = "none" + unique();
        for (var r : List.of(http.get("/api/v1/users/" + missing, sys),
                http.patch("/api/v1/users/" + missing, sys, Http.body("displayName", "x", "version", 0)),
                http.post("/api/v1/users/" + missing + "/password-reset", sys, Http.body("newPassword", "Reset#Pass2026")),
                http.put("/api/v1/users/" + missing + "/roles", adminToken("secadmin"), Http.body("roles", List.of())),
                http.patch("/api/v1/org-units/" + missing, sys, Http.body("name", "x", "version", 0)),
                http.get("/api/v1/no-such-thing", sys),
                http.get("/api/v1/users/" + missing + "/no-such-thing", sys))) {
            assertThat(r.status()).as("%s", r).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aMethodTheEndpointDoesNotHaveIs405() {
        var r = http.delete("/api/v1/users", adminToken("sysadmin"));
        assertThat(r.status()).as("%s", r).isEqualTo(405);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void duplicatesAndStaleVersionsAre409NamingTheField() {
        String sys = adminToken("sysadmin");
        String county = orgUnit("COUNTY", rootOrgCode(), "冲突县");
        var dupUnit = http.post("/api/v1/org-units", sys, Http.body("code", county, "name", "又一个", "type", "COUNTY",
                "parentCode", rootOrgCode()));
        assertConflict(dupUnit, "code");

        String username = "dup" + unique();
        createUser(username, county, null);
        var dupUser = http.post("/api/v1/users", sys, Http.body("username", username, "displayName", "重名",
                "orgUnitCode", county, "initialPassword", INITIAL_PASSWORD));
        assertConflict(dupUser, "username");

        long version = http.get("/api/v1/users/" + username, sys).json().get("version").asLong();
        assertThat(http.patch("/api/v1/users/" + username, sys, Http.body("displayName", "一", "version", version))
                .status()).isEqualTo(200);
        assertConflict(http.patch("/api/v1/users/" + username, sys, Http.body("displayName", "二", "version", version)),
                "version");
        assertThat(http.get("/api/v1/users/" + username, sys).json().get("displayName").asString()).isEqualTo("一");

        long unitVersion = http.get("/api/v1/org-units", sys).json().get("items").valueStream()
                .filter(u -> u.get("code").asString().equals(county)).findFirst().orElseThrow().get("version").asLong();
        assertThat(http.patch("/api/v1/org-units/" + county, sys, Http.body("name", "新县名", "version", unitVersion))
                .status()).isEqualTo(200);
        assertConflict(http.patch("/api/v1/org-units/" + county, sys, Http.body("name", "旧县名", "version", unitVersion)),
                "version");
    }

    private static void assertConflict(Http.Response r, String field) {
        assertThat(r.status()).as("%s", r).isEqualTo(409);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(fields(r)).containsExactly(field);
    }
}
