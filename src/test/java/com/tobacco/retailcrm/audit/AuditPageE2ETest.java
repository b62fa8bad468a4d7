package com.tobacco.retailcrm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.BrowserTest;
import com.tobacco.retailcrm.support.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * 审计日志 as the audit administrator reads it (issue 17, point 4): actions and objects in Chinese, people by name,
 * the filters, and the Excel export, which is itself recorded.
 */
class AuditPageE2ETest extends BrowserTest {

    @Test
    void theAuditAdministratorReadsWhoDidWhatToWhichCustomerAndExportsIt() throws Exception {
        String county = orgUnit("COUNTY", rootOrgCode(), "审计页县");
        String clerk = "ap" + unique();
        String token = userWithRoles(clerk, county, null, List.of("MARKET_DEPT"));
        String code = String.valueOf(430100000000L + (long) (Math.random() * 99_999_999L));
        var created = http.post("/api/v1/customers", token, Http.body("customerCode", code,
                "licenceNo", String.valueOf(100000000000L + (long) (Math.random() * 899_999_999_999L)),
                "storeName", "张三烟酒店", "retailFormat", "2", "marketType", "1", "countyCode", county));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        http.get("/api/v1/users", token);  // refused: a denial in the log

        signInAdmin("auditadmin");
        open("/admin/audit");
        screenshot("audit-log");
        assertThat(texts("[data-test=audit-action]")).isNotEmpty().allMatch(t -> t.matches(".*\\p{IsHan}.*"));

        new Select(find("#action")).selectByVisibleText("新建客户档案");
        find("#object").sendKeys(code);
        clickAndWaitForNewPage("[data-test=filter-submit]");
        assertThat(texts("[data-test=audit-action]")).containsExactly("新建客户档案");
        assertThat(texts("[data-test=audit-object]")).containsExactly("客户 " + code + " · 张三烟酒店");
        assertThat(texts("[data-test=audit-actor]")).containsExactly("测试" + clerk);
        screenshot("audit-log-filtered");

        open("/admin/audit?actor=" + java.net.URLEncoder.encode("测试" + clerk, "UTF-8"));
        assertThat(texts("[data-test=audit-action]")).contains("新建客户档案", "越权访问被拒绝")
                .allMatch(t -> !t.contains("_"));

        String href = find("[data-test=audit-export]").getAttribute("href");
        String session = browser.manage().getCookieNamed("SESSION") != null
                ? "SESSION=" + browser.manage().getCookieNamed("SESSION").getValue()
                : "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(new String(file.body(), 0, 2)).isEqualTo("PK");
        List<Map<String, Object>> exports = jdbc.queryForList(
                "select * from audit_event where action = 'AUDIT_EXPORT' and actor = 'auditadmin' order by id desc limit 1");
        assertThat(exports).singleElement().satisfies(e -> assertThat((String) e.get("detail")).contains(clerk));
    }
}
