package com.tobacco.retailcrm.customer.lifecycle;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.domain.FieldDictionary;
import com.tobacco.retailcrm.customer.photo.CustomerPhotos;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 数据生命周期 — the consent recorded when a customer's personal data was collected, and the destruction of a
 * CANCELLED customer's personal data once the retention period ({@code crm.customer.retention.personal-data},
 * default three years after cancellation) has run out. Each customer is destroyed in a transaction of its own,
 * with an audit event naming the customer and the fields destroyed, never their values.
 */
@Service
public class PersonalDataLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataLifecycle.class);
    /** Stands for the responsible person's photos among the destroyed fields. */
    public static final String PERSON_PHOTO = "personPhoto";
    static final String SYSTEM_ACTOR = "system";
    private static final int BATCH = 200;

    private final LifecycleStore store;
    private final FieldDictionary dictionary;
    private final CustomerPhotos photos;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final PersonalDataRetention retention;

    PersonalDataLifecycle(LifecycleStore store, FieldDictionary dictionary, CustomerPhotos photos, AuditLog audit,
                          TransactionTemplate transaction, Clock clock, CrmProperties properties,
                          @Value("${crm.customer.retention.personal-data:P3Y}") Period retention) {
        this.store = store;
        this.dictionary = dictionary;
        this.photos = photos;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
        this.retention = new PersonalDataRetention(retention, properties.zone());
    }

    /** How the consent to collect a customer's personal data was recorded. */
    public record Consent(String basis, String obtainedBy, Instant obtainedAt, String channel) {
    }

    /** What was destroyed of a customer's personal data, when, and when the customer had been cancelled. */
    public record Erasure(List<String> fields, Instant cancelledAt, Instant destroyedAt) {
    }

    /** The consent of a customer; the caller has checked that the customer is visible to the user. */
    public Optional<Consent> consent(String customerCode) {
        return store.consent(customerCode).map(c -> new Consent(c.basis(), c.obtainedBy(), c.obtainedAt(), c.channel()));
    }

    /** The erasure of a customer, if its personal data has been destroyed; the caller has checked visibility. */
    public Optional<Erasure> erasure(String customerCode) {
        return store.erasure(customerCode).map(e -> new Erasure(e.fields(), e.cancelledAt(), e.destroyedAt()));
    }

    /** For a CANCELLED customer whose personal data is still kept: when it will be destroyed. */
    public Optional<Instant> destructionDue(String customerCode) {
        return store.cancelledAt(customerCode).map(retention::end);
    }

    /**
     * Destroys the personal data of every CANCELLED customer whose retention has run out, one customer per
     * transaction, and records a run event with the count.
     *
     * @return how many customers had their personal data destroyed
     */
    public int destroyDue() {
        Instant now = clock.instant();
        Map<String, String> columns = personalColumns();
        int destroyed = 0;
        List<LifecycleStore.Cancelled> batch;
        do {
            batch = store.due(retention.latestDueCancellation(now), BATCH);
            for (LifecycleStore.Cancelled customer : batch) {
                if (Boolean.TRUE.equals(transaction.execute(s -> destroy(customer, columns, now)))) {
                    destroyed++;
                }
            }
        } while (batch.size() == BATCH);
        audit.record(AuditEntry.of("CUSTOMER_RETENTION_RUN", "RETENTION", retention.period().toString())
                .detail("destroyed=" + destroyed + " node=" + NodeName.get()).as(SYSTEM_ACTOR));
        if (destroyed > 0) {
            log.info("Destroyed the personal data of {} cancelled customer(s) past the retention of {}", destroyed,
                    retention.period());
        }
        return destroyed;
    }

    private boolean destroy(LifecycleStore.Cancelled customer, Map<String, String> columns, Instant now) {
        if (!store.lockForErasure(customer.id())) {
            return false;
        }
        List<String> fields = new ArrayList<>(store.fieldsHoldingData(customer.id(), columns));
        if (photos.destroyPersonPhotos(customer.customerCode()) > 0) {
            fields.add(PERSON_PHOTO);
        }
        store.erase(customer, columns, fields, now);
        audit.record(AuditEntry.customer("CUSTOMER_PERSONAL_DATA_DESTROYED", customer.customerCode())
                .detail("fields=" + String.join(",", fields) + " cancelledAt=" + customer.cancelledAt()
                        + " retention=" + retention.period())
                .as(SYSTEM_ACTOR));
        return true;
    }

    /** The personal fields that have a column, key → column, in dictionary order. */
    private Map<String, String> personalColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        for (FieldDefinition f : PersonalDataRetention.personalFields(dictionary.all())) {
            String column = dictionary.column(f.key());
            if (column != null) {
                columns.put(f.key(), column);
            }
        }
        return columns;
    }
}
