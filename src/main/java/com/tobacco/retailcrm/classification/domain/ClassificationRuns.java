package com.tobacco.retailcrm.classification.domain;

import com.tobacco.retailcrm.classification.persistence.RunStore;
import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 客户分类运行 — computes a period's scale, class and tier in the database (see {@link RunStore}) and applies a run
 * to the archive once: businessScale, customerClass and tier with history source {@code CLASSIFICATION:<id>}, and
 * the period's monthly purchase figures (purchaseQty, purchaseAmount, purchaseAvgPrice: totals ÷ months of the
 * period) with source {@code PURCHASES:<period>}. Only customers whose values differ are written.
 */
@Service
public class ClassificationRuns {

    private static final Logger log = LoggerFactory.getLogger(ClassificationRuns.class);

    private final RunStore store;
    private final TierScheme tiers;
    private final CustomerArchive archive;
    private final Clock clock;
    private final CrmProperties properties;

    ClassificationRuns(RunStore store, TierScheme tiers, CustomerArchive archive, Clock clock,
                       CrmProperties properties) {
        this.store = store;
        this.tiers = tiers;
        this.archive = archive;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional
    public RunStore.Run start(String periodText) {
        Period period = Period.parse(periodText);
        LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());
        if (!period.isOverBy(today)) {
            throw new BusinessRuleException("classification.run.error.periodNotOver", period.code());
        }
        long started = System.nanoTime();
        long id = store.compute(period, tiers, CurrentUsers.require().username(), clock.instant());
        log.info("Classification run {} for {} computed in {} ms", id, period.code(),
                (System.nanoTime() - started) / 1_000_000);
        return find(id);
    }

    public RunStore.Run find(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("classification.run.error.notFound", id));
    }

    public record Applied(RunStore.Run run, int customersWritten) {
    }

    @Transactional
    public Applied apply(long id) {
        RunStore.Run run = find(id);
        if (!store.markApplied(id, CurrentUsers.require().username(), clock.instant())) {
            throw new ConflictException("status", "classification.run.error.applied", id);
        }
        Period period = Period.parse(run.period());
        List<RunStore.Application> applications = new ArrayList<>();
        store.forEachApplication(id, period.months(), applications::add);
        String reason = "#" + id + " " + period.code();
        ChangeSource classification = ChangeSource.classification(id);
        ChangeSource purchases = ChangeSource.of(ChangeSource.Kind.PURCHASES, period.code());
        for (RunStore.Application a : applications) {
            if (a.classChanged()) {
                Map<String, Object> changes = new HashMap<>();
                changes.put("businessScale", a.businessScale());
                changes.put("customerClass", a.customerClass());
                changes.put("tier", a.tier());
                archive.applyChanges(a.customerCode(), changes, null, classification, reason);
            }
            if (a.purchasesChanged()) {
                Map<String, Object> changes = new HashMap<>();
                changes.put("purchaseQty", a.purchaseQty());
                changes.put("purchaseAmount", a.purchaseAmount());
                changes.put("purchaseAvgPrice", a.purchaseAvgPrice());
                archive.applyChanges(a.customerCode(), changes, null, purchases, reason);
            }
        }
        return new Applied(find(id), applications.size());
    }
}
