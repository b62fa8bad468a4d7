package com.tobacco.retailcrm.service.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.tobacco.retailcrm.service.ServiceTestBase;
import com.tobacco.retailcrm.support.Http;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** 信息互通 over HTTP: the audience resolved per customer, the customer's view, validation, webhook delivery, receipts. */
class NoticeApiTest extends ServiceTestBase {

    @Autowired
    NoticeProperties properties;

    @Autowired
    NoticeDelivery delivery;

    @Autowired
    NoticeService service;

    private HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    record Received(String deliveryId, String signature, JsonNode body) {
    }

    @AfterEach
    void restore() {
        properties.setWebhookUrl(null);
        properties.setWebhookSecret(null);
        properties.setBatchSize(1000);
        if (server != null) {
            server.stop(0);
        }
    }

    static Map<String, Object> notice(String kind, Map<String, Object> audience, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("title", "本周货源投放公开");
        body.put("body", "本周期投放品规 45 个，按档位投放。");
        body.put("audience", audience);
        body.putAll(Http.body(more));
        return body;
    }

    @Test
    void aNoticeReachesTheActiveCustomersOfItsAudienceOnlyAndEachSeesWhatItWasSent() {
        People p = people();
        String convenience = customer(p, "便利店" + unique());
        String supermarket = customer(p, "超市" + unique(), "retailFormat", "3");
        String suspended = customer(p, "暂停店" + unique());
        assertThat(http.patch("/api/v1/customers/" + suspended, p.mdToken(), Http.body("version", 0,
                "status", "SUSPENDED", "statusReason", "装修")).status()).isEqualTo(200);

        var r = http.post("/api/v1/notices", p.mdToken(), notice("SUPPLY",
                Map.of("countyCodes", List.of(p.county()), "retailFormats", List.of("2"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("recipients").asInt()).isEqualTo(1);
        assertThat(r.json().get("status").asString()).isEqualTo("PUBLISHED");
        long id = r.json().get("id").asLong();
        assertThat(codes(http.get("/api/v1/notices/" + id + "/recipients", p.mdToken()).json()))
                .containsExactly(convenience);

        var sent = http.get("/api/v1/notices?customerCode=" + convenience, p.cmToken());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().size()).isEqualTo(1);
        assertThat(sent.json().get(0).get("kind").asString()).isEqualTo("SUPPLY");
        assertThat(sent.json().get(0).get("week").asString()).matches("\\d{4}-W\\d{2}");
        assertThat(http.get("/api/v1/notices?customerCode=" + supermarket, p.cmToken()).json().size()).isZero();
        assertThat(http.get("/api/v1/notices?customerCode=" + convenience, p.cm2Token()).status())
                .as("another manager's customer").isEqualTo(404);
        assertThat(codes(http.get("/api/v1/notices/" + id + "/recipients", p.cm2Token()).json()))
                .as("another manager sees none of them").isEmpty();
        assertThat(http.get("/api/v1/notices", adminToken("sysadmin")).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'NOTICE_PUBLISHED' and target_id = ?",
                Long.class, String.valueOf(id))).isEqualTo(1);

        jdbc.update("update customer set customer_class = '1-3-1' where customer_code = ?", supermarket);
        var byClass = http.post("/api/v1/notices", p.mdToken(), notice("MARKET",
                Map.of("countyCodes", List.of(p.county()), "customerClasses", List.of("1-3-1"))));
        assertThat(byClass.status()).as(byClass.toString()).isEqualTo(201);
        assertThat(byClass.json().get("recipients").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/notices?customerCode=" + supermarket + "&kind=MARKET", p.cmToken())
                .json().get(0).get("id").asLong()).isEqualTo(byClass.json().get("id").asLong());
    }

    @Test
    void anEmptyAudienceMeansEveryActiveCustomer() {
        People p = people();
        customer(p, "全体店" + unique());
        Long active = jdbc.queryForObject("select count(*) from customer where status = 'ACTIVE'", Long.class);
        var count = http.post("/api/v1/notices/recipient-count", p.mdToken(), Map.of());
        assertThat(count.status()).as(count.toString()).isEqualTo(200);
        assertThat(count.json().get("recipients").asLong()).isEqualTo(active);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        People p = people();
        String sales = userWithRoles("sd" + unique(), p.county(), null, List.of("SALES_DEPT"));
        Long before = jdbc.queryForObject("select count(*) from notice", Long.class);

        var missing = http.post("/api/v1/notices", sales, Http.body("kind", "NEWS", "title", " ", "body",
                "正".repeat(Notice.BODY_MAX + 1)));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing.json())).contains("kind", "title", "body", "audience");
        var longTitle = http.post("/api/v1/notices", sales, notice("POLICY", Map.of(), "title", "标".repeat(101)));
        assertThat(fields(longTitle.json())).containsExactly("title");
        var badTime = http.post("/api/v1/notices", sales, notice("POLICY", Map.of(), "publishAt", "明天"));
        assertThat(fields(badTime.json())).containsExactly("publishAt");

        var county = http.post("/api/v1/notices", sales, notice("SUPPLY", Map.of("countyCodes", List.of("NOWHERE"))));
        assertThat(county.status()).isEqualTo(422);
        assertThat(county.contentType()).contains("problem+json");
        assertThat(county.json().get("detail").asString()).contains("audience.countyCodes").contains("NOWHERE");
        var format = http.post("/api/v1/notices", sales, notice("SUPPLY", Map.of("retailFormats", List.of("8"))));
        assertThat(format.json().get("detail").asString()).contains("audience.retailFormats");
        var cls = http.post("/api/v1/notices", sales, notice("SUPPLY", Map.of("customerClasses", List.of("1-2-7"))));
        assertThat(cls.status()).isEqualTo(422);
        assertThat(cls.json().get("detail").asString()).contains("audience.customerClasses");
        var notJson = http.postRaw("/api/v1/notices", sales, "{\"audience\": \"all\"",
                Map.of("Content-Type", "application/json"));
        assertThat(notJson.status()).isEqualTo(400);

        assertThat(http.post("/api/v1/notices", p.cmToken(), notice("SUPPLY", Map.of())).status())
                .as("a customer manager does not publish").isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from notice", Long.class)).isEqualTo(before);
    }

    @Test
    void aScheduledNoticeIsPublishedWhenItsTimeComesToTheCustomersOfThatMoment() {
        People p = people();
        String first = customer(p, "定时店" + unique());
        var r = http.post("/api/v1/notices", p.mdToken(), notice("POLICY", Map.of("countyCodes", List.of(p.county())),
                "publishAt", at(Duration.ofHours(2))));
        assertThat(r.json().get("status").asString()).as("a past time publishes now").isEqualTo("PUBLISHED");

        var later = http.post("/api/v1/notices", p.mdToken(), notice("POLICY",
                Map.of("countyCodes", List.of(p.county())), "publishAt", at(Duration.ofHours(-2))));
        assertThat(later.status()).as(later.toString()).isEqualTo(201);
        assertThat(later.json().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(later.json().get("recipients").asInt()).isZero();
        long id = later.json().get("id").asLong();
        String second = customer(p, "新店" + unique());

        service.publishDue(clock.instant().plus(Duration.ofHours(1)));
        assertThat(http.get("/api/v1/notices/" + id, p.mdToken()).json().get("status").asString()).isEqualTo("SCHEDULED");
        service.publishDue(clock.instant().plus(Duration.ofHours(3)));
        var published = http.get("/api/v1/notices/" + id, p.mdToken()).json();
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(codes(http.get("/api/v1/notices/" + id + "/recipients", p.mdToken()).json()))
                .containsExactlyInAnyOrder(first, second);
        assertThat(published.get("delivery").get("NO_TARGET").asInt()).as("no webhook: recorded, not sent").isEqualTo(2);
    }

    @Test
    void theWebhookGetsTheNoticeOnceRetryingAfterAFailure() throws IOException {
        People p = people();
        String code = customer(p, "投递店" + unique());
        AtomicInteger calls = new AtomicInteger();
        startServer(exchange -> calls.incrementAndGet() == 1 ? 503 : 200);
        properties.setWebhookSecret("s3cret");

        var r = http.post("/api/v1/notices", p.mdToken(), notice("SUPPLY", Map.of("countyCodes", List.of(p.county()))));
        long id = r.json().get("id").asLong();
        Instant now = clock.instant();
        delivery.deliverDue(now, 50);
        assertThat(mine(id)).hasSize(1);
        var afterFailure = http.get("/api/v1/notices/" + id, p.mdToken()).json();
        assertThat(afterFailure.get("delivery").get("PENDING").asInt()).isEqualTo(1);

        delivery.deliverDue(now, 50);
        assertThat(mine(id)).as("not before the backoff").hasSize(1);
        delivery.deliverDue(now.plus(Duration.ofMinutes(2)), 50);
        delivery.deliverDue(now.plus(Duration.ofHours(1)), 50);
        List<Received> got = mine(id);
        assertThat(got).hasSize(2);
        assertThat(got.get(0).deliveryId()).as("the same delivery id, for the receiver to drop repeats")
                .isEqualTo(got.get(1).deliveryId());
        JsonNode body = got.get(1).body();
        assertThat(body.get("customerCodes").get(0).asString()).isEqualTo(code);
        assertThat(body.get("title").asString()).isEqualTo("本周货源投放公开");
        assertThat(got.get(1).signature()).startsWith("sha256=");
        var delivered = http.get("/api/v1/notices/" + id + "/recipients", p.mdToken()).json().get(0);
        assertThat(delivered.get("delivery").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("deliveredAt").isNull()).isFalse();
    }

    @Test
    void twoPollersAtOnceSendEachDeliveryOnce() throws Exception {
        People p = people();
        for (int i = 0; i < 6; i++) {
            customer(p, "并发店" + i + unique());
        }
        startServer(exchange -> {
            sleep(150);
            return 200;
        });
        properties.setBatchSize(1);
        var r = http.post("/api/v1/notices", p.mdToken(), notice("MARKET", Map.of("countyCodes", List.of(p.county()))));
        long id = r.json().get("id").asLong();
        Instant now = clock.instant();
        var one = CompletableFuture.runAsync(() -> delivery.deliverDue(now, 50));
        var two = CompletableFuture.runAsync(() -> delivery.deliverDue(now, 50));
        CompletableFuture.allOf(one, two).get();
        List<Received> got = mine(id);
        assertThat(got).hasSize(6);
        assertThat(got.stream().map(Received::deliveryId).distinct()).hasSize(6);
        assertThat(jdbc.queryForObject("select count(*) from notice_delivery where notice_id = ? and status = 'DELIVERED' "
                + "and attempts = 1", Long.class, id)).isEqualTo(6);
    }

    @Test
    void aReadingReceiptIsKeptOnceAndRefusedForACustomerNotSent() {
        People p = people();
        String code = customer(p, "回执店" + unique());
        String other = customer(p, "别的店" + unique(), "retailFormat", "3");
        var r = http.post("/api/v1/notices", p.mdToken(), notice("SUPPLY",
                Map.of("countyCodes", List.of(p.county()), "retailFormats", List.of("2"))));
        long id = r.json().get("id").asLong();
        String readAt = at(Duration.ZERO);

        var first = http.post("/api/v1/notices/" + id + "/receipts", p.mdToken(),
                Map.of("customerCode", code, "readAt", readAt));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("readAt").asString()).isEqualTo(readAt);
        var again = http.post("/api/v1/notices/" + id + "/receipts", p.mdToken(),
                Map.of("customerCode", code, "readAt", at(Duration.ofSeconds(-30))));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("readAt").asString()).as("the first reading stays").isEqualTo(readAt);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'NOTICE_READ' and customer_code = ?",
                Long.class, code)).isEqualTo(1);
        assertThat(http.get("/api/v1/notices?customerCode=" + code, p.cmToken()).json().get(0).get("readAt").asString())
                .isEqualTo(readAt);

        assertThat(http.post("/api/v1/notices/" + id + "/receipts", p.mdToken(),
                Map.of("customerCode", other)).status()).isEqualTo(404);
        var future = http.post("/api/v1/notices/" + id + "/receipts", p.mdToken(),
                Map.of("customerCode", code, "readAt", at(Duration.ofHours(-1))));
        assertThat(future.status()).isEqualTo(400);
        assertThat(fields(future.json())).containsExactly("readAt");
        assertThat(http.post("/api/v1/notices/" + id + "/receipts", p.cmToken(), Map.of("customerCode", code)).status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/notices/999999999/receipts", p.mdToken(), Map.of("customerCode", code)).status())
                .isEqualTo(404);
    }

    interface Answer {
        int status(com.sun.net.httpserver.HttpExchange exchange) throws IOException;
    }

    private void startServer(Answer answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Crm-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-Crm-Signature"),
                    Http.JSON.readTree(new String(body, StandardCharsets.UTF_8))));
            exchange.sendResponseHeaders(answer.status(exchange), -1);
            exchange.close();
        });
        server.start();
        properties.setWebhookUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    private List<Received> mine(long noticeId) {
        synchronized (received) {
            return received.stream().filter(r -> r.body().get("noticeId").asLong() == noticeId).toList();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> codes(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("customerCode").asString()));
        return out;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }
}
