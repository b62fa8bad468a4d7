package com.tobacco.retailcrm.classification.service;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.classification.domain.ScaleShares;
import com.tobacco.retailcrm.classification.domain.TierScheme;
import com.tobacco.retailcrm.classification.domain.Period;
import com.tobacco.retailcrm.classification.persistence.RunStore;
import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.SystemFieldWriter;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.infrastructure.ClusterLocks;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 客户分类运行 — computes a period's scale, class and tier in the database (see {@link RunStore}) and applies a run
 * to the archive once: businessScale, customerClass and tier with history source {@code CLASSIFICATION:<id>}, and
 * the period's monthly purchase figures (purchaseQty, purchaseAmount, purchaseAvgPrice: totals ÷ months of the
 * period) with source {@code PURCHASES:<period>}. Only customers whose values differ are written. One computation
 * or apply runs at a time across every instance of the application (a cluster lock for the transaction): another
 * started meanwhile is refused (409) rather than computing from, or writing over, a half-applied archive.
 */
@Service
public class ClassificationRuns {

    private static final Logger log = LoggerFactory.getLogger(ClassificationRuns.class);
    static final String LOCK = "classification-run";

    private final RunStore store;
    private final TierScheme tiers;
    private final ScaleShares scale;
    private final SystemFieldWriter writer;
    private final Clock clock;
    private final CrmProperties properties;
    private final ClusterLocks locks;
    private final AuditLog audit;

    ClassificationRuns(RunStore store, TierScheme tiers, ScaleShares scale, SystemFieldWriter writer, Clock clock,
                       CrmProperties properties, ClusterLocks locks, AuditLog audit) {
        this.audit = audit;
        this.locks = locks;
        this.store = store;
        this.tiers = tiers;
        this.scale = scale;
        this.writer = writer;
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
        holdLock();
        long started = System.nanoTime();
        long id = store.compute(period, scale, tiers, CurrentUsers.require().username(), clock.instant());
        audit.record(AuditEntry.of("CLASSIFICATION_RUN", "CLASSIFICATION_RUN", String.valueOf(id))
                .detail("period=" + period.code()));
        log.info("Classification run {} for {} computed in {} ms", id, period.code(),
                (System.nanoTime() - started) / 1_000_000);
        return find(id);
    }

    public RunStore.Run find(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("classification.run.error.notFound", id));
    }

    private void holdLock() {
        if (!locks.tryInTransaction(LOCK)) {
            throw new ConflictException(null, "classification.run.error.busy");
        }
    }

    public record Applied(RunStore.Run run, int customersWritten) {
    }

    @Transactional
    public Applied apply(long id) {
        RunStore.Run run = find(id);
        holdLock();
        if (!store.markApplied(id, CurrentUsers.require().username(), clock.instant())) {
            throw new ConflictException("status", "classification.run.error.applied", id);
        }
        long started = System.nanoTime();
        Period period = Period.parse(run.period());
        ChangeSource classification = ChangeSource.classification(id);
        ChangeSource purchases = ChangeSource.of(ChangeSource.Kind.PURCHASES, period.code());
        List<SystemFieldWriter.SystemField> purchaseFields = List.of(
                new SystemFieldWriter.SystemField("purchaseQty", purchases),
                new SystemFieldWriter.SystemField("purchaseAmount", purchases),
                new SystemFieldWriter.SystemField("purchaseAvgPrice", purchases));
        List<SystemFieldWriter.SystemField> allFields = new ArrayList<>(List.of(
                new SystemFieldWriter.SystemField("businessScale", classification),
                new SystemFieldWriter.SystemField("customerClass", classification),
                new SystemFieldWriter.SystemField("tier", classification)));
        allFields.addAll(purchaseFields);
        String reason = "#" + id + " " + period.code();
        // two disjoint sets of customers, so each is updated once: the classified get their class and purchase
        // figures, the others (no market type, or a format without purchases) only their purchase figures
        int customers = writer.write(allFields, store.applicationValues(id, period.months(), true), reason)
                + writer.write(purchaseFields, store.applicationValues(id, period.months(), false), reason);
        log.info("Classification run {} applied to {} customers in {} ms", id, customers,
                (System.nanoTime() - started) / 1_000_000);
        audit.record(AuditEntry.of("CLASSIFICATION_APPLIED", "CLASSIFICATION_RUN", String.valueOf(id))
                .detail("period=" + run.period() + " customers=" + customers));
        return new Applied(find(id), customers);
    }
}
