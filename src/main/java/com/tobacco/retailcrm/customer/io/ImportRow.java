package com.tobacco.retailcrm.customer.io;

import java.util.Map;

/**
 * One data row of a customer file in canonical form: field key → text, an empty cell as {@code null}
 * (it clears the field), a column the file does not have absent (it leaves the field alone).
 */
record ImportRow(int number, Map<String, String> values) {

    String customerCode() {
        return values.get("customerCode");
    }
}
