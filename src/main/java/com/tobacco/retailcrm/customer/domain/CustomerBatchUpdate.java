package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.customer.api.AppliedChanges;
import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 批量修改 — changes many existing customers at once for a bulk import, with the rules of
 * {@link CustomerArchiveService#applyChanges} (the same code: parsing, rules across fields, the customer's own rules,
 * a history row per changed field, an audit event per change, the version raised per change) but set-based:
 * {@link #lock} reads and locks the customers in one statement, ordered by id; {@link Batch#apply} judges each change
 * in memory, in the order given, a later change of the same customer seeing the earlier one; {@link Batch#write}
 * writes them all with one UPDATE, one COPY of their history and one batch of audit events. All of it runs in the
 * caller's transaction: a refused change is thrown, and the caller rolls back and falls back to one change per
 * transaction.
 */
@Component
public class CustomerBatchUpdate {

    private final CustomerStore store;
    private final CustomerValidator validator;
    private final CustomerArchiveService archive;
    private final AuditLog audit;
    private final Clock clock;

    CustomerBatchUpdate(CustomerStore store, CustomerValidator validator, CustomerArchiveService archive, AuditLog audit,
                        Clock clock) {
        this.store = store;
        this.validator = validator;
        this.archive = archive;
        this.audit = audit;
        this.clock = clock;
    }

    /** Locks the customers of these codes that the caller may see, for changes written by {@link Batch#write}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Batch lock(Collection<String> customerCodes) {
        Map<String, Customer> customers = new HashMap<>();
        var visible = archive.visibility();
        for (Customer c : store.lockAll(customerCodes)) {
            if (visible.test(c)) {
                customers.put(c.code(), c);
            }
        }
        return new Batch(customers);
    }

    /** Locked customers and the changes judged so far, not yet written. */
    public final class Batch {

        private final Map<String, Customer> current;
        private final Map<Long, Long> readVersions = new HashMap<>();
        private final Map<Long, Set<String>> changedKeys = new LinkedHashMap<>();
        private final Map<Long, Instant> changedAt = new HashMap<>();
        private final List<CustomerStore.HistoryEntry> history = new ArrayList<>();
        private final List<AuditEntry> events = new ArrayList<>();
        private final CustomerValidator.CountyManagers managers = validator.new CountyManagers();
        /** When the batch's changes are made: one instant for all of them, as they are written together. */
        private final Instant now = clock.instant();

        private Batch(Map<String, Customer> current) {
            this.current = current;
            current.values().forEach(c -> readVersions.put(c.id(), c.version()));
        }

        /** Whether the customer is one of the batch's. */
        public boolean holds(String customerCode) {
            return current.containsKey(customerCode);
        }

        /** The customer as {@link CustomerArchiveService#find} shows it, with the changes judged so far. */
        public Optional<CustomerRecord> find(String customerCode) {
            return Optional.ofNullable(current.get(customerCode)).map(archive::record);
        }

        /**
         * Judges a change as {@link CustomerArchiveService#applyChanges} does (throwing its refusals) and keeps it
         * for {@link #write}.
         */
        public AppliedChanges apply(String customerCode, Map<String, Object> changes, ChangeSource source,
                                    String reason) {
            Customer customer = current.get(customerCode);
            if (customer == null) {
                throw new NotFoundException("customer.error.notFound", customerCode);
            }
            List<Customer.Difference> diffs = archive.change(customer, changes, null, source, reason, managers);
            if (diffs.isEmpty()) {
                return new AppliedChanges(customerCode, customer.version(), List.of());
            }
            history.addAll(archive.history(customer, diffs, now, source, reason));
            events.add(CustomerArchiveService.changeEvent(customerCode, diffs, source));
            diffs.forEach(d -> changedKeys.computeIfAbsent(customer.id(), id -> new LinkedHashSet<>()).add(d.field()));
            changedAt.put(customer.id(), now);
            current.put(customerCode, new Customer(customer.id(), customer.countyOrgUnitId(), customer.version() + 1,
                    customer.values()));
            return archive.applied(customer, diffs);
        }

        /** Writes every change judged: one UPDATE, one COPY of the history, the audit events in one batch. */
        public void write() {
            if (changedKeys.isEmpty()) {
                return;
            }
            Map<Long, Customer> byId = new HashMap<>();
            current.values().forEach(c -> byId.put(c.id(), c));
            List<CustomerStore.ChangedCustomer> changed = new ArrayList<>(changedKeys.size());
            changedKeys.forEach((id, keys) -> changed.add(new CustomerStore.ChangedCustomer(byId.get(id), keys,
                    readVersions.get(id), changedAt.get(id))));
            if (store.updateAll(changed) != changed.size()) {
                throw new ConflictException("version", "error.version.stale");
            }
            store.copyHistory(history);
            audit.recordAll(events);
            changed.forEach(c -> readVersions.put(c.customer().id(), c.customer().version()));
            changedKeys.clear();
            history.clear();
            events.clear();
        }
    }
}
