package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 客户 — one retailer of the archive: its field values (fixed and custom, keyed by dictionary key, clear text),
 * the county it belongs to and its version. It owns the rules about how its values may change.
 */
public class Customer {

    private final Long id;
    private final long countyOrgUnitId;
    private final long version;
    private final Map<String, Object> values;

    public Customer(Long id, long countyOrgUnitId, long version, Map<String, Object> values) {
        this.id = id;
        this.countyOrgUnitId = countyOrgUnitId;
        this.version = version;
        this.values = new LinkedHashMap<>(values);
    }

    public Long id() {
        return id;
    }

    public String code() {
        return (String) values.get("customerCode");
    }

    public long countyOrgUnitId() {
        return countyOrgUnitId;
    }

    public long version() {
        return version;
    }

    public String manager() {
        return (String) values.get("customerManager");
    }

    public CustomerStatus status() {
        return CustomerStatus.valueOf((String) values.get("status"));
    }

    public Object get(String key) {
        return values.get(key);
    }

    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * Applies already-parsed values and returns the fields that really changed. A cancelled customer is read-only;
     * a status change must follow the allowed transitions and carry a reason.
     */
    public List<Difference> apply(Map<String, Object> changes, String reason) {
        if (status().readOnly()) {
            throw new BusinessRuleException("customer.error.cancelled");
        }
        List<Difference> diffs = new ArrayList<>();
        changes.forEach((key, value) -> {
            Object old = values.get(key);
            if (!FieldValues.same(old, value)) {
                diffs.add(new Difference(key, old, value));
            }
        });
        diffs.stream().filter(d -> d.field().equals("status")).findFirst()
                .ifPresent(d -> checkTransition(CustomerStatus.valueOf((String) d.oldValue()),
                        CustomerStatus.valueOf((String) d.newValue()), reason));
        diffs.forEach(d -> values.put(d.field(), d.newValue()));
        return diffs;
    }

    private static void checkTransition(CustomerStatus from, CustomerStatus to, String reason) {
        if (!from.mayMoveTo(to)) {
            throw new BusinessRuleException("customer.error.transition", from, to);
        }
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("customer.error.reasonRequired");
        }
    }

    /** One field whose value changed. */
    public record Difference(String field, Object oldValue, Object newValue) {
    }
}
