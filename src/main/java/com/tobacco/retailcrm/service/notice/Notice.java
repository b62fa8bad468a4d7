package com.tobacco.retailcrm.service.notice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;

/**
 * 信息 — a notice to retailers: market news (市场信息), a policy (政策通知) or the supply of an order week (货源公开),
 * published at once or at {@code publishAt} to the ACTIVE customers its audience held then.
 */
record Notice(long id, Kind kind, String title, String body, Audience audience, Instant publishAt, Status status,
              Instant publishedAt, int recipientCount, String createdBy, Instant createdAt, long version) {

    static final int TITLE_MAX = 100;
    static final int BODY_MAX = 4000;

    enum Kind {
        MARKET, POLICY, SUPPLY;

        /** The kind named (any case), or empty for a name that is none. */
        static java.util.Optional<Kind> parse(String text) {
            return java.util.Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(text.trim())).findFirst();
        }
    }

    enum Status {
        SCHEDULED, PUBLISHED
    }

    /**
     * 受众 — who a notice is for. Each list narrows by one archive field (a customer must match one value of every
     * non-empty list); all three empty means every ACTIVE customer of the company, which a policy for all needs.
     */
    record Audience(List<String> countyCodes, List<String> retailFormats, List<String> customerClasses) {

        Audience {
            countyCodes = List.copyOf(countyCodes);
            retailFormats = List.copyOf(retailFormats);
            customerClasses = List.copyOf(customerClasses);
        }

        boolean everyone() {
            return countyCodes.isEmpty() && retailFormats.isEmpty() && customerClasses.isEmpty();
        }
    }

    /** The ISO week of publishing ({@code 2026-W49}): 货源公开 lists the supply notices of each order week. */
    String week(ZoneId zone) {
        var day = (publishedAt == null ? publishAt : publishedAt).atZone(zone).toLocalDate();
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Published notices only: a scheduled one is still the author's draft, not yet anything a retailer was sent. */
    boolean sent() {
        return status == Status.PUBLISHED;
    }
}
