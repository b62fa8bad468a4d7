package com.tobacco.retailcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The customer page links to the workflows' change-request form for those who may raise one, and only for them. */
class CustomerPageLinksTest extends CustomerApiTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @Test
    void customerPageOffersAChangeRequestToBusinessStaffButNotToTheLeader() throws Exception {
        County c = county();
        String code = createManaged(c, "发起修改单测试店").get("customerCode").asString();
        String leader = "ld" + unique();
        userWithRoles(leader, c.code(), null, List.of("LEADER"));
        String link = "/change-requests/new?customerCode=" + code;

        String managerPage = page(c.managerName(), "/customers/" + code);
        assertThat(managerPage).contains(link).contains("发起修改单");
        String leaderPage = page(leader, "/customers/" + code);
        assertThat(leaderPage).contains("发起修改单测试店").doesNotContain(link);
    }

    /** Signs in through the login form as a person would, then reads the page as HTML. */
    private String page(String username, String path) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(login);
        assertThat(csrf.find()).as("login form carries a CSRF token").isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(USER_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(http.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).as("signed in and not sent elsewhere").isEqualTo(path);
        return page.body();
    }
}
