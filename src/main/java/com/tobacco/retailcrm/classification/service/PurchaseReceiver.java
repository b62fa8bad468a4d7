package com.tobacco.retailcrm.classification.service;

import com.tobacco.retailcrm.classification.domain.PurchaseOrder;
import com.tobacco.retailcrm.classification.persistence.PurchaseStore;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives purchase orders from the distribution system: each item is checked on its own (a bad item is refused
 * with its reasons, the good ones are kept), the customers of the whole batch are looked up in one query and the
 * accepted orders are written in one statement. Sending an order number again replaces that order; within one
 * batch the later item with the same number wins.
 */
@Service
public class PurchaseReceiver {

    /** Most items per call of the JSON API (API.md). */
    public static final int MAX_ITEMS = 10_000;

    private final PurchaseStore store;
    private final Clock clock;
    private final CrmProperties properties;

    PurchaseReceiver(PurchaseStore store, Clock clock, CrmProperties properties) {
        this.store = store;
        this.clock = clock;
        this.properties = properties;
    }

    /** One item as received, its values as text; {@code index} is what errors report (array index or CSV line). */
    public record Item(long index, String orderNo, String customerCode, String orderDate, String qty, String amount) {
    }

    /** A refused item: its index and the reason as a message key with the field as argument. */
    public record ItemError(long index, String messageKey, String field) {
    }

    public record Outcome(int accepted, int rejected, List<ItemError> errors) {

        public Outcome plus(Outcome other) {
            List<ItemError> all = new ArrayList<>(errors);
            all.addAll(other.errors);
            return new Outcome(accepted + other.accepted, rejected + other.rejected, all);
        }

        public static Outcome empty() {
            return new Outcome(0, 0, List.of());
        }
    }

    @Transactional
    public Outcome receive(List<Item> items, String receivedBy) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());
        List<ItemError> errors = new ArrayList<>();
        Map<Long, PurchaseOrder> parsed = new LinkedHashMap<>();
        for (Item item : items) {
            var p = PurchaseOrder.parse(item.orderNo(), item.customerCode(), item.orderDate(), item.qty(),
                    item.amount(), today);
            if (p.valid()) {
                parsed.put(item.index(), p.order());
            } else {
                p.problems().forEach(pr -> errors.add(new ItemError(item.index(), pr.messageKey(), pr.field())));
            }
        }
        Set<String> known = store.knownCustomers(parsed.values().stream().map(PurchaseOrder::customerCode)
                .distinct().toList());
        Map<String, PurchaseOrder> byOrderNo = new LinkedHashMap<>();
        int accepted = 0;
        for (var e : parsed.entrySet()) {
            if (!known.contains(e.getValue().customerCode())) {
                errors.add(new ItemError(e.getKey(), "classification.purchase.error.unknownCustomer", "customerCode"));
                continue;
            }
            byOrderNo.remove(e.getValue().orderNo());
            byOrderNo.put(e.getValue().orderNo(), e.getValue());
            accepted++;
        }
        store.upsert(List.copyOf(byOrderNo.values()), clock.instant(), receivedBy);
        long rejected = errors.stream().mapToLong(ItemError::index).distinct().count();
        errors.sort(java.util.Comparator.comparingLong(ItemError::index));
        return new Outcome(accepted, (int) rejected, List.copyOf(errors));
    }
}
