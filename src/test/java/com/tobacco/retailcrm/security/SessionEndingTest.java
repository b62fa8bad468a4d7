package com.tobacco.retailcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.FoundationApiTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UI sessions and tokens end when they should (issue 17, point 2). */
class SessionEndingTest extends FoundationApiTest {

    @Test
    void uiSessionsAreKeptInTheDatabaseByPrincipalSoEveryNodeSeesThem() throws Exception {
        String county = orgUnit("COUNTY", rootOrgCode(), "会话县");
        String username = "ss" + unique();
        userWithRoles(username, county, null, List.of("CUSTOMER_MANAGER"));
        var browser = signedInBrowser(username, USER_PASSWORD);
        var page = browser.send(HttpRequest.newBuilder(URI.create(http.base() + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.uri().getPath()).isNotEqualTo("/login");
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?",
                Integer.class, username)).isEqualTo(1);
    }
}
