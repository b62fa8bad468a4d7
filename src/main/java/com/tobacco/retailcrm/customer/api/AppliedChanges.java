package com.tobacco.retailcrm.customer.api;

import java.util.List;

/**
 * What {@link CustomerArchive#applyChanges} did: the fields that really changed (empty when every value was already
 * as asked — nothing is written then) and the customer's version afterwards.
 */
public record AppliedChanges(String customerCode, long version, List<FieldChange> changes) {

    public boolean unchanged() {
        return changes.isEmpty();
    }
}
