package com.tobacco.retailcrm.service.notice;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.audit.api.AuditOutcome;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * 投递 — sends the outbox's due deliveries to the retailer channel's webhook ({@code POST}, JSON, one call per batch
 * of recipients). Each delivery is taken with {@code FOR UPDATE SKIP LOCKED} and kept locked until its outcome is
 * written, so with several instances polling every delivery is sent by one of them, once: 2xx → DELIVERED; anything
 * else → retried after the backoff, FAILED after the last attempt. The receiver can drop a repeat (a crash between
 * its answer and our commit) by the {@code X-Crm-Delivery} id.
 */
@Component
class NoticeDelivery {

    private static final Logger log = LoggerFactory.getLogger(NoticeDelivery.class);

    private final NoticeStore store;
    private final NoticeProperties properties;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final CrmProperties crm;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    NoticeDelivery(NoticeStore store, NoticeProperties properties, PlatformTransactionManager transactions,
                   AuditLog audit, CrmProperties crm) {
        this.store = store;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.audit = audit;
        this.crm = crm;
    }

    /** Sends what is due at {@code now}, one delivery per transaction, at most {@code max}; returns how many were tried. */
    int deliverDue(Instant now, int max) {
        int tried = 0;
        while (tried < max && Boolean.TRUE.equals(tx.execute(s -> deliverNext(now)))) {
            tried++;
        }
        return tried;
    }

    private boolean deliverNext(Instant now) {
        var next = store.lockNextDue(now);
        if (next.isEmpty()) {
            return false;
        }
        NoticeStore.Delivery d = next.get();
        Notice notice = store.find(d.noticeId()).orElseThrow();
        int attempt = d.attempts() + 1;
        String url = properties.getWebhookUrl();
        if (url == null) {
            store.failed(d.id(), d.attempts(), "NO_TARGET", now, "no webhook configured");
            return true;
        }
        String error = send(url, d, notice);
        if (error == null) {
            store.delivered(d.id(), attempt, now);
            return true;
        }
        boolean last = attempt >= properties.getMaxAttempts();
        store.failed(d.id(), attempt, last ? "FAILED" : "PENDING", now.plus(properties.delayAfter(attempt)), error);
        log.warn("Notice {} batch {} attempt {} failed: {}", d.noticeId(), d.batchNo(), attempt, error);
        if (last) {
            audit.record(AuditEntry.of("NOTICE_DELIVERY_FAILED", "NOTICE", String.valueOf(d.noticeId()))
                    .outcome(AuditOutcome.FAILURE).detail("batch " + d.batchNo() + " after " + attempt + " attempts: "
                            + error).as("system"));
        }
        return true;
    }

    /** One call; null when the channel took it, else why not. */
    private String send(String url, NoticeStore.Delivery d, Notice n) {
        try {
            byte[] body = json.writeValueAsBytes(payload(d, n));
            var request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.getTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-Crm-Delivery", String.valueOf(d.id()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (properties.getWebhookSecret() != null) {
                request.header("X-Crm-Signature", "sha256=" + hmac(properties.getWebhookSecret(), body));
            }
            var response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private Map<String, Object> payload(NoticeStore.Delivery d, Notice n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deliveryId", d.id());
        m.put("noticeId", n.id());
        m.put("kind", n.kind().name());
        m.put("title", n.title());
        m.put("body", n.body());
        m.put("publishedAt", n.publishedAt().atZone(crm.zone()).toOffsetDateTime().toString());
        m.put("week", n.week(crm.zone()));
        m.put("batch", d.batchNo());
        m.put("customerCodes", store.batch(n.id(), d.batchNo()));
        m.put("receiptUrl", "/api/v1/notices/" + n.id() + "/receipts");
        return m;
    }

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
