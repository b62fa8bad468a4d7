package com.tobacco.retailcrm.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client against the running application, so that tests go through the real HTTP layer. */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    /** A response with its status, headers and body; {@link #json()} parses the body. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response get(String path, String token, Map<String, String> headers) {
        var b = request(path, token).GET();
        headers.forEach(b::header);
        return send(b);
    }

    public Response post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8)));
    }

    /** A POST that may take longer than a request usually may (a whole-archive write in a benchmark). */
    public Response post(String path, String token, Object body, Duration timeout) {
        return send(request(path, token).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8)));
    }

    public Response postRaw(String path, String token, String rawBody, Map<String, String> headers) {
        var b = request(path, token).POST(HttpRequest.BodyPublishers.ofString(rawBody, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return send(b);
    }

    public Response put(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8)));
    }

    public Response patch(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8)));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Response method(String method, String path, String token, String rawBody) {
        var b = request(path, token);
        if (rawBody != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b.method(method, rawBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(rawBody, StandardCharsets.UTF_8)));
    }

    /** Any method with a raw body and headers of the caller's choosing (e.g. merge-patch content type, If-Match). */
    public Response raw(String method, String path, String token, String rawBody, Map<String, String> headers) {
        var b = request(path, token);
        headers.forEach(b::header);
        return send(b.method(method, rawBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(rawBody, StandardCharsets.UTF_8)));
    }

    public static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private HttpRequest.Builder request(String path, String token) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static String toJson(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
