package com.tobacco.retailcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.FoundationApiTest;
import com.tobacco.retailcrm.support.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * 三权分立 on every path (issue 17, point 3): walks every GET the API publishes and every GET page the application
 * maps, as each of the three administrators, and fails when one answers an admin 200 outside that admin's own
 * duties — a business list or read must refuse them (403 problem+json), not answer an empty list. A new business
 * endpoint is covered without anyone adding it here.
 */
class AdminsSeeNoBusinessDataWalkTest extends FoundationApiTest {

    /** What each admin may read: their own sign-in and password, the lists of org units and roles, their duties. */
    private static final Set<String> EVERY_ADMIN = Set.of("/", "/api/v1/auth/me", "/api/v1/org-units",
            "/api/v1/roles", "/password", "/mfa");
    private static final Map<String, Set<String>> DUTIES = Map.of(
            "sysadmin", Set.of("/api/v1/users", "/api/v1/users/{username}", "/api/v1/backups", "/admin/users",
                    "/admin/users/new", "/admin/users/{username}", "/admin/users/{username}/password", "/admin/org",
                    "/calendar", "/calendar/{year}.csv", "/calendar/due", "/api/v1/upkeep-tasks/jobs",
                    "/api/v1/customer-fields", "/api/v1/customer-fields/{key}",
                    "/api/v1/customer-fields/edit-permissions", "/admin/backups"),
            "secadmin", Set.of("/api/v1/users", "/api/v1/users/{username}", "/api/v1/security-policy",
                    "/admin/roles", "/admin/roles/{username}", "/admin/policy", "/admin/users"),
            "auditadmin", Set.of("/api/v1/audit-events", "/admin/audit", "/admin/audit/export.xlsx"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private List<String> apiGets() {
        var docs = http.get("/v3/api-docs", null).json();
        List<String> paths = new ArrayList<>();
        for (var path : docs.get("paths").properties()) {
            if (path.getValue().has("get")) {
                paths.add(path.getKey());
            }
        }
        return paths;
    }

    private List<String> pageGets() {
        Set<String> paths = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            boolean get = info.getMethodsCondition().getMethods().isEmpty()
                    || info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
            if (get && method.getBeanType().getPackageName().startsWith("com.tobacco.retailcrm")) {
                info.getPatternValues().stream().filter(p -> !p.startsWith("/api/") && !p.equals("/error")
                        && !p.equals("/login") && !p.equals("/logout") && !p.startsWith("/s/")).forEach(paths::add);
            }
        });
        return new ArrayList<>(paths);
    }

    private static String concrete(String template) {
        return template.replaceAll("\\{year}", "2026").replaceAll("\\{[^}]+}", "1");
    }

    @Test
    void noAdministratorGetsAnyBusinessListOrReadInTheApi() {
        List<String> paths = apiGets();
        assertThat(paths).as("the walk reaches the API").hasSizeGreaterThan(60);
        List<String> leaks = new ArrayList<>();
        for (String admin : DUTIES.keySet()) {
            String token = adminToken(admin);
            for (String path : paths) {
                if (allowed(admin, path)) {
                    continue;
                }
                Http.Response r = http.get(concrete(path), token);
                if (r.status() == 200 || r.status() == 404 && !r.contentType().startsWith("application/problem+json")) {
                    leaks.add(admin + " GET " + path + " -> " + r.status());
                } else if (r.status() == 403) {
                    assertThat(r.contentType()).as("%s %s", admin, path).startsWith("application/problem+json");
                }
            }
        }
        assertThat(leaks).as("business GETs that answer an administrator").isEmpty();
    }

    @Test
    void noAdministratorOpensAnyBusinessPage() throws Exception {
        List<String> paths = pageGets();
        assertThat(paths).as("the walk reaches the pages").hasSizeGreaterThan(30);
        List<String> leaks = new ArrayList<>();
        for (String admin : DUTIES.keySet()) {
            adminToken(admin);
            HttpClient browser = signedInBrowser(admin, ADMIN_PASSWORD);
            for (String path : paths) {
                if (allowed(admin, path)) {
                    continue;
                }
                HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(http.base() + concrete(path)))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() == 200) {
                    leaks.add(admin + " GET " + path + " -> 200 at " + page.uri().getPath());
                }
            }
        }
        assertThat(leaks).as("business pages that open for an administrator").isEmpty();
    }

    @Test
    void anAdministratorIsRefusedTheCustomerListWithAProblemNotAnEmptyList() {
        for (String admin : DUTIES.keySet()) {
            var r = http.get("/api/v1/customers", adminToken(admin));
            assertThat(r.status()).as(admin).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).contains("三权分立");
        }
    }

    private static boolean allowed(String admin, String path) {
        return EVERY_ADMIN.contains(path) || DUTIES.get(admin).contains(path);
    }
}
