package com.tobacco.retailcrm.customer.io;

import java.util.Map;

/**
 * A column a customer file may carry, as import and export see the field dictionary: its key and Chinese label
 * (either may head the column), its type, and for enums the codes with their Chinese names (either may fill a cell).
 *
 * @param options  enum code → Chinese name, in dictionary order; empty for other types
 * @param writable false for SYSTEM fields: exported, but an import may only repeat the stored value
 */
record ImportField(String key, String label, String type, Map<String, String> options, boolean writable,
                   boolean sensitive) {

    static final String COUNTY_CODE = "countyCode";

    boolean isEnum() {
        return "ENUM".equals(type);
    }
}
