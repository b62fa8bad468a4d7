package com.tobacco.retailcrm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.FoundationApiTest;
import com.tobacco.retailcrm.support.Http;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Walks every operation the API publishes in {@code /v3/api-docs} and sends it what a careless or hostile client
 * would: malformed JSON, values of the wrong type, oversized values, odd path variables and query parameters, a
 * multipart body cut short. Whatever the caller, the answer is never a 5xx (issue 17, point 8).
 */
class ApiFuzzTest extends FoundationApiTest {

    /**
     * Operations that end the caller's own session or change who they are, and the backup, which takes no body and
     * writes a whole copy of the database per call (BackupApiTest covers it): not sent.
     */
    private static final Set<String> SKIPPED = Set.of("POST /api/v1/auth/logout", "POST /api/v1/auth/password",
            "POST /api/v1/auth/mfa/setup", "POST /api/v1/auth/mfa/confirm", "POST /api/v1/backups");
    private static final String HUGE = "长".repeat(5000) + "x".repeat(60_000);
    private static final List<String> ODD_PATH_VALUES = List.of("1", "0", "-1", "99999999999999999999", "abc",
            "%E9%95%BF%E9%95%BF", "%2e%2e", "x".repeat(3000));

    private record Failure(String operation, String variant, int status, String body) {
    }

    @Test
    void noOperationAnswersAServerErrorToMalformedWronglyTypedOrOversizedInput() {
        JsonNode docs = http.get("/v3/api-docs", null).json();
        List<String> callers = List.of(
                userInNewCounty("fz", "MARKET_DEPT"),
                userInNewCounty("fzo", "MONOPOLY_OFFICER"),
                userInNewCounty("fzs", "SERVICE_AGENT"),
                adminToken("sysadmin"));
        List<Failure> failures = new ArrayList<>();
        int requests = 0;
        for (var path : docs.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
                        || SKIPPED.contains(method + " " + path.getKey())) {
                    continue;
                }
                for (String token : callers) {
                    for (var variant : variants(path.getKey(), op.getValue()).entrySet()) {
                        requests++;
                        Http.Response r = sendOnce(method, variant.getValue(), token);
                        if (r == null) {
                            // dropped twice: as broken an answer as a 5xx
                            failures.add(new Failure(method + " " + path.getKey(), variant.getKey(), 0, "connection dropped"));
                            continue;
                        }
                        if (r.status() >= 500) {
                            failures.add(new Failure(method + " " + path.getKey(), variant.getKey(), r.status(),
                                    r.body() == null ? "" : r.body().substring(0, Math.min(300, r.body().length()))));
                        }
                    }
                }
            }
        }
        assertThat(requests).as("the walk reached the API").isGreaterThan(500);
        assertThat(failures).as("5xx answers among %d requests", requests).isEmpty();
    }

    /** A request to send: a path with query, a body, a content type. */
    private record Call(String path, String body, String contentType) {
    }

    private Map<String, Call> variants(String template, JsonNode op) {
        Map<String, Call> calls = new LinkedHashMap<>();
        String plain = template.replaceAll("\\{[^}]+}", "1");
        for (String odd : ODD_PATH_VALUES) {
            calls.put("path " + odd.substring(0, Math.min(12, odd.length())),
                    new Call(template.replaceAll("\\{[^}]+}", odd), "{}", "application/json"));
        }
        calls.put("query wrong types", new Call(plain + "?" + wrongQuery(op, "abc"), "{}", "application/json"));
        calls.put("query oversized", new Call(plain + "?" + wrongQuery(op, "x".repeat(4000)), "{}", "application/json"));
        calls.put("query NUL", new Call(plain + "?" + wrongQuery(op, "a%00b"), "{}", "application/json"));
        calls.put("query paging", new Call(plain + "?page=-1&size=100000&sort=%27%3Bdrop", null, null));
        calls.put("malformed JSON", new Call(plain, "{\"a\": [1, 2", "application/json"));
        calls.put("JSON null", new Call(plain, "null", "application/json"));
        calls.put("JSON array", new Call(plain, "[[[[]]]]", "application/json"));
        calls.put("wrong types", new Call(plain, wrongBody(op, false), "application/json"));
        calls.put("oversized values", new Call(plain, wrongBody(op, true), "application/json"));
        calls.put("text body", new Call(plain, "hello", "text/plain"));
        calls.put("multipart cut short", new Call(plain,
                "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\nlicenceNo,storeName\r\n1,2\r\n",
                "multipart/form-data; boundary=XyZ"));
        calls.put("multipart no boundary", new Call(plain, "--abc\r\n", "multipart/form-data"));
        return calls;
    }

    private static String wrongQuery(JsonNode op, String value) {
        List<String> pairs = new ArrayList<>(List.of("page=" + value, "size=" + value));
        if (op.has("parameters")) {
            for (JsonNode p : op.get("parameters")) {
                if ("query".equals(p.path("in").asString())) {
                    pairs.add(p.get("name").asString() + "=" + value);
                }
            }
        }
        return String.join("&", pairs);
    }

    /** Every property the operation's JSON body names (one level, through $ref), given a wrong or oversized value. */
    private String wrongBody(JsonNode op, boolean oversized) {
        JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
        JsonNode resolved = resolve(schema);
        Map<String, Object> body = new LinkedHashMap<>();
        for (var prop : resolved.path("properties").properties()) {
            String type = resolve(prop.getValue()).path("type").asString("object");
            body.put(prop.getKey(), oversized ? oversized(type) : wrong(type));
        }
        if (body.isEmpty()) {
            body.put("version", oversized ? HUGE : "abc");
        }
        return Http.JSON.writeValueAsString(body);
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return docs().path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    private JsonNode docs;

    private JsonNode docs() {
        if (docs == null) {
            docs = http.get("/v3/api-docs", null).json();
        }
        return docs;
    }

    private static Object wrong(String type) {
        return switch (type) {
            case "integer", "number" -> "not-a-number";
            case "boolean" -> "perhaps";
            case "array" -> Map.of("not", "a list");
            case "string" -> List.of(Map.of("deep", List.of(1, 2)));
            default -> "not an object";
        };
    }

    private static Object oversized(String type) {
        return switch (type) {
            case "integer" -> new java.math.BigInteger("9".repeat(40));
            case "number" -> new java.math.BigDecimal("1e400");
            case "array" -> java.util.Collections.nCopies(20_000, "x");
            default -> HUGE;
        };
    }

    /**
     * The answer, sent again once when the connection broke: a pooled keep-alive connection the server has just closed
     * breaks the next request on the client's side, whatever that request is. Null when it broke twice.
     */
    private Http.Response sendOnce(String method, Call call, String token) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return send(method, call, token);
            } catch (java.io.UncheckedIOException dropped) {
                // try once more on a fresh connection
            }
        }
        return null;
    }

    private Http.Response send(String method, Call call, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (call.contentType() != null) {
            headers.put("Content-Type", call.contentType());
        }
        boolean withBody = !method.equals("GET") && !method.equals("DELETE") && call.body() != null;
        return http.raw(method, call.path(), token, withBody ? call.body() : null, headers);
    }
}
