package com.tobacco.retailcrm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.FoundationApiTest;
import com.tobacco.retailcrm.support.Http;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No 500 and no broken answer on bad input (issue 17, point 8). */
class BadInputApiTest extends FoundationApiTest {

    private static final String CUT_SHORT = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\nlicenceNo,storeName\r\n1,2\r\n";

    private void assertProblem(Http.Response r, int status) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aMultipartBodyWithoutItsClosingBoundaryIsA400ProblemOnEveryUploadEndpoint() {
        String market = userInNewCounty("bi", "MARKET_DEPT");
        for (String path : List.of("/api/v1/customers/import", "/api/v1/customers/1234567890/photos",
                "/api/v1/change-requests/bulk")) {
            var r = http.raw("POST", path, market, CUT_SHORT, Map.of("Content-Type", "multipart/form-data; boundary=XyZ"));
            assertThat(r.status()).as("%s: %s", path, r).isLessThan(500);
            if (r.status() == 400) {
                assertProblem(r, 400);
            }
        }
        var imported = http.raw("POST", "/api/v1/customers/import", market, CUT_SHORT,
                Map.of("Content-Type", "multipart/form-data; boundary=XyZ"));
        assertProblem(imported, 400);
        assertThat(imported.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    @Test
    void aMalformedIfMatchIsA400OnTheFieldEachModuleNamesIt() {
        String market = userInNewCounty("bv", "MARKET_DEPT");
        Map<String, String> fieldByPath = Map.of("/api/v1/settings/visit-cycles", "If-Match",
                "/api/v1/settings/emergency-supply", "If-Match", "/api/v1/settings/agent-kpi", "version");
        fieldByPath.forEach((path, field) -> {
            for (String ifMatch : List.of("abc", "\"-1\"", "W/\"x\"")) {
                var r = http.raw("PUT", path, market, "{}", Map.of("Content-Type", "application/json", "If-Match", ifMatch));
                assertProblem(r, 400);
                assertThat(r.json().get("errors").get(0).get("field").asString()).as("%s %s", path, ifMatch)
                        .isEqualTo(field);
            }
        });
    }

    @Test
    void anExportWithAnInvalidFilterIsA400BeforeAnyByteOfTheFile() {
        String market = userInNewCounty("bx", "MARKET_DEPT");
        var r = http.get("/api/v1/customers/export?format=csv&status=NOT_A_STATUS", market);
        assertProblem(r, 400);
        assertThat(r.headers().firstValue("Content-Disposition")).isEmpty();
    }

    @Test
    void replacingEditPermissionsWithAnEmptyOrNullBodyIsRefusedNotAnEmptying() {
        String market = userInNewCounty("bp", "MARKET_DEPT");
        var before = http.get("/api/v1/customer-fields/edit-permissions", market).json().get("CUSTOMER_MANAGER");
        for (String body : List.of("{}", "null", "{\"fields\": null}")) {
            assertProblem(http.method("PUT", "/api/v1/customer-fields/edit-permissions/CUSTOMER_MANAGER", market, body), 400);
        }
        assertThat(http.get("/api/v1/customer-fields/edit-permissions", market).json().get("CUSTOMER_MANAGER"))
                .isEqualTo(before);
    }

    @Test
    void errorOpenedDirectlyIsNeverA500() {
        var r = http.get("/error", null);
        assertThat(r.status()).isEqualTo(404);
        var json = http.get("/error", null, Map.of("Accept", "application/json"));
        assertProblem(json, 404);
    }

    @Test
    void anUnsupportedContentTypeIsA415Problem() {
        String market = userInNewCounty("bm", "MARKET_DEPT");
        assertProblem(http.raw("POST", "/api/v1/customers/import", market, "{}", Map.of("Content-Type", "application/json")), 415);
        assertProblem(http.raw("POST", "/api/v1/org-units", adminToken("sysadmin"), "a=b",
                Map.of("Content-Type", "application/x-www-form-urlencoded")), 415);
    }

    @Test
    void aRequestTheContainerRefusesIsAProblemNotAnHtmlPage() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/v1/customers/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).doesNotContain("<html").containsIgnoringCase("application/problem+json");
        }
    }
}
