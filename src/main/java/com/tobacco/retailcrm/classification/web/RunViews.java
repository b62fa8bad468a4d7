package com.tobacco.retailcrm.classification.web;

import com.tobacco.retailcrm.classification.persistence.RunStore;
import com.tobacco.retailcrm.shared.web.Messages;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/** The JSON shapes of docs/api.md (classification), and the reasons a format is not classified in the caller's language. */
@Component
class RunViews {

    private final RunStore store;
    private final Messages messages;

    private final java.time.ZoneId zone;

    RunViews(RunStore store, Messages messages, com.tobacco.retailcrm.shared.infrastructure.CrmProperties properties) {
        this.store = store;
        this.messages = messages;
        this.zone = properties.zone();
    }

    private OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FormatView(String retailFormat, int customers, BigDecimal totalQty, BigDecimal totalAmount,
                      boolean classified, String reason) {
    }

    record RunView(long id, String period, String status, List<FormatView> formats, int changed, int tierCount,
                   List<BigDecimal> tierShares, String createdBy, OffsetDateTime createdAt, String appliedBy,
                   OffsetDateTime appliedAt) {
    }

    record ResultView(String customerCode, String storeName, String retailFormat, String marketType, String score, Integer rank,
                      String businessScale, String customerClass, Integer tier, String previousClass,
                      BigDecimal qty, BigDecimal amount) {
    }

    RunView run(RunStore.Run run) {
        List<FormatView> formats = store.formats(run.id()).stream().map(this::format).toList();
        return new RunView(run.id(), run.period(), run.status(), formats, run.changed(), run.tierCount(),
                run.tierShares(), run.createdBy(), local(run.createdAt()), run.appliedBy(), local(run.appliedAt()));
    }

    FormatView format(RunStore.FormatSummary f) {
        String reason = null;
        if (!f.classified()) {
            boolean noQty = f.totalQty().signum() == 0;
            boolean noAmount = f.totalAmount().signum() == 0;
            reason = messages.text(noQty && noAmount ? "classification.run.reason.noPurchases"
                    : noQty ? "classification.run.reason.noQty" : "classification.run.reason.noAmount");
        }
        return new FormatView(f.retailFormat(), f.customers(), f.totalQty(), f.totalAmount(), f.classified(), reason);
    }

    static ResultView result(RunStore.Result r) {
        return new ResultView(r.customerCode(), r.storeName(), r.retailFormat(), r.marketType(),
                r.score() == null ? null : r.score().toPlainString(), r.rank(), r.businessScale(), r.customerClass(),
                r.tier(), r.previousClass(), r.qty(), r.amount());
    }
}
