package com.tobacco.retailcrm.customer.api;

import java.util.List;
import java.util.Optional;

/** 字段字典 — read access to the customer field dictionary (fixed and custom fields, in display order). */
public interface CustomerFields {

    List<FieldDefinition> all();

    Optional<FieldDefinition> find(String key);

    /** A field by its Chinese or English label, for files whose header row carries labels. */
    Optional<FieldDefinition> findByLabel(String label);
}
