package com.tobacco.retailcrm;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.FoundationApiTest;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint, including those of modules written later, is closed to anonymous callers and declares who may
 * call it (issue 3, point 9), and no administrator reads business data through it (issue 17, point 3). Walks the handler mappings, so nobody has to remember to add a new endpoint here.
 */
class EndpointAccessTest extends FoundationApiTest {

    private static final Set<String> ANONYMOUS = Set.of("POST /api/v1/auth/token");

    @Autowired
    ApplicationContext context;

    private record Endpoint(String method, String pattern, HandlerMethod handler) {

        String path() {
            return pattern.replaceAll("\\{\\*?[^}]+}", "x1");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> result = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
                for (String pattern : e.getKey().getPatternValues()) {
                    for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        result.add(new Endpoint(m.name(), pattern, e.getValue()));
                    }
                }
            }
        }
        return result;
    }

    @Test
    void anonymousCallersGet401FromEveryApiEndpoint() {
        List<Endpoint> api = endpoints().stream().filter(e -> e.pattern().startsWith("/api/")).toList();
        assertThat(api).extracting(Endpoint::toString)
                .contains("PUT /api/v1/users/{username}/roles", "GET /api/v1/audit-events", "GET /api/v1/roles");
        List<String> open = new ArrayList<>();
        for (Endpoint e : api) {
            if (ANONYMOUS.contains(e.toString())) {
                continue;
            }
            String body = e.method().equals("GET") || e.method().equals("DELETE") ? null : "{}";
            int anonymous = http.method(e.method(), e.path(), null, body).status();
            int badToken = http.method(e.method(), e.path(), "forged-token", body).status();
            if (anonymous != 401 || badToken != 401) {
                open.add(e + " -> " + anonymous + "/" + badToken);
            }
        }
        assertThat(open).as("endpoints answering without sign-in").isEmpty();
    }

    /** A user who must change their password reaches nothing but the password change (logout aside). */
    @Test
    void aUserWhoMustChangeTheirPasswordGets403FromEveryOtherApiEndpoint() {
        String username = "gate" + unique();
        createUser(username, rootOrgCode(), null);
        String token = tokenOf(username, INITIAL_PASSWORD);
        Set<String> exits = Set.of("POST /api/v1/auth/token", "POST /api/v1/auth/password", "POST /api/v1/auth/logout");
        List<String> reachable = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (!e.pattern().startsWith("/api/") || exits.contains(e.toString())) {
                continue;
            }
            String body = e.method().equals("GET") || e.method().equals("DELETE") ? null : "{}";
            int status = http.method(e.method(), e.path(), token, body).status();
            if (status != 403) {
                reachable.add(e + " -> " + status);
            }
        }
        assertThat(reachable).as("endpoints reachable before the password change").isEmpty();
        assertThat(http.post("/api/v1/auth/password", token, "{}").status()).as("the way out stays open").isEqualTo(400);
    }

    @Test
    void theSignInEndpointIsOpenToAnonymousCallers() {
        assertThat(http.method("POST", "/api/v1/auth/token", null, "{\"username\":\"x\",\"password\":\"y\"}").status())
                .isEqualTo(401);
        assertThat(http.method("POST", "/api/v1/auth/token", null, "{}").status()).isEqualTo(400);
    }

    @Test
    void everyHandlerOfTheApplicationDeclaresWhoMayCallIt() {
        List<String> undeclared = endpoints().stream()
                .filter(e -> e.handler().getBeanType().getPackageName().startsWith("com.tobacco.retailcrm"))
                .filter(e -> !declaresAccess(e.handler()))
                .map(e -> e + " " + e.handler().getShortLogMessage())
                .toList();
        assertThat(endpoints()).anySatisfy(e -> assertThat(e.pattern()).startsWith("/api/v1/"));
        assertThat(undeclared).as("handlers without @PreAuthorize or @PermitAll").isEmpty();
    }

    /** What every administrator may read: the start page, their own password and MFA, the org-unit and role lists. */
    private static final Set<String> EVERY_ADMIN = Set.of("/", "/api/v1/auth/me", "/api/v1/org-units",
            "/api/v1/roles", "/password", "/mfa", "/login", "/logout", "/error");
    /** Each administrator's own duties (三权分立): what they may read besides {@link #EVERY_ADMIN}. */
    private static final Map<String, Set<String>> ADMIN_DUTIES = Map.of(
            "sysadmin", Set.of("/api/v1/users", "/api/v1/users/{username}", "/api/v1/users/{username}/delegations",
                    "/api/v1/backups", "/admin/users",
                    "/admin/users/new", "/admin/users/{username}", "/admin/users/{username}/password", "/admin/org",
                    "/calendar", "/calendar/{year}.csv", "/calendar/due", "/api/v1/calendar/{year}",
                    "/api/v1/calendar/due", "/api/v1/customer-fields", "/api/v1/customer-fields/{key}",
                    "/api/v1/customer-fields/edit-permissions", "/admin/backups"),
            "secadmin", Set.of("/api/v1/users", "/api/v1/users/{username}", "/api/v1/security-policy",
                    "/admin/roles", "/admin/roles/{username}", "/admin/policy", "/admin/users"),
            "auditadmin", Set.of("/api/v1/audit-events", "/admin/audit", "/admin/audit/export.xlsx"));

    private List<Endpoint> applicationGets() {
        return endpoints().stream().filter(e -> e.method().equals("GET"))
                .filter(e -> e.handler().getBeanType().getPackageName().startsWith("com.tobacco.retailcrm"))
                .filter(e -> !e.pattern().startsWith("/s/"))
                .toList();
    }

    private static boolean adminMayRead(String admin, String pattern) {
        return EVERY_ADMIN.contains(pattern) || ADMIN_DUTIES.get(admin).contains(pattern);
    }

    /**
     * 三权分立 on every path (issue 17, point 3): every GET of the API, as each administrator, outside that
     * administrator's duties answers 403 problem+json — a business list or read refuses them, never an empty 200.
     */
    @Test
    void noAdministratorGetsABusinessListOrReadFromTheApi() {
        List<Endpoint> api = applicationGets().stream().filter(e -> e.pattern().startsWith("/api/")).toList();
        assertThat(api).hasSizeGreaterThan(60);
        List<String> leaks = new ArrayList<>();
        for (String admin : ADMIN_DUTIES.keySet()) {
            String token = adminToken(admin);
            for (Endpoint e : api) {
                if (adminMayRead(admin, e.pattern())) {
                    continue;
                }
                var r = http.get(e.pattern().replace("{year}", "2026").replaceAll("\\{\\*?[^}]+}", "x1"), token);
                if (r.status() != 403 || !r.contentType().startsWith("application/problem+json")) {
                    leaks.add(admin + " " + e + " -> " + r.status());
                }
            }
        }
        assertThat(leaks).as("business GETs that do not refuse an administrator").isEmpty();
        var customers = http.get("/api/v1/customers", adminToken("auditadmin"));
        assertThat(customers.json().get("detail").asString()).contains("三权分立");
    }

    /** The same for every page: an administrator opens their own pages only. */
    @Test
    void noAdministratorOpensABusinessPage() throws Exception {
        List<Endpoint> pages = applicationGets().stream().filter(e -> !e.pattern().startsWith("/api/")).toList();
        assertThat(pages).hasSizeGreaterThan(30);
        List<String> leaks = new ArrayList<>();
        for (String admin : ADMIN_DUTIES.keySet()) {
            adminToken(admin);
            java.net.http.HttpClient browser = signedInBrowser(admin, ADMIN_PASSWORD);
            for (Endpoint e : pages) {
                if (adminMayRead(admin, e.pattern())) {
                    continue;
                }
                var page = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base() + e.path()))
                        .GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
                if (page.statusCode() == 200) {
                    leaks.add(admin + " " + e + " -> 200 at " + page.uri().getPath());
                }
            }
        }
        assertThat(leaks).as("business pages that open for an administrator").isEmpty();
    }

    private static boolean declaresAccess(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(method.getMethod(), PermitAll.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class);
    }
}
