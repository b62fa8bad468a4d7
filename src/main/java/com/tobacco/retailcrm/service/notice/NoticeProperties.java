package com.tobacco.retailcrm.service.notice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 信息互通 settings ({@code crm.notices.*}): the retailer channel's webhook (unset = nothing is sent, each delivery is
 * recorded NO_TARGET), an optional HMAC secret from the environment, the recipients per webhook call, and the retry
 * schedule: attempt n waits {@code backoff × 2^(n−1)}, at most {@code max-backoff}, until {@code max-attempts}.
 */
@ConfigurationProperties(prefix = "crm.notices")
class NoticeProperties {

    private String webhookUrl;
    private String webhookSecret;
    private int batchSize = 1000;
    private int maxAttempts = 8;
    private Duration backoff = Duration.ofMinutes(1);
    private Duration maxBackoff = Duration.ofHours(6);
    private Duration timeout = Duration.ofSeconds(10);

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.trim();
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = Math.max(1, batchSize);
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    public Duration getBackoff() {
        return backoff;
    }

    public void setBackoff(Duration backoff) {
        this.backoff = backoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** How long to wait after the given failed attempt (1-based) before the next. */
    Duration delayAfter(int attempt) {
        Duration d = backoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
