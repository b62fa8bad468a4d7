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
 * call it (issue 3, point 9). Walks the handler mappings, so nobody has to remember to add a new endpoint here.
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

    private static boolean declaresAccess(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(method.getMethod(), PermitAll.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class);
    }
}
