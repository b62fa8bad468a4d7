package com.tobacco.retailcrm.customer.api;

import java.util.List;

/**
 * 系统字段批量写入 — the archive's SYSTEM fields (经营规模, 综合分类, 档位, 进货数量 …) written for many customers at once
 * by the module that computes them, in a few set-based statements instead of one round trip per customer, with one
 * 修改台账 row per changed field as {@link CustomerArchive#applyChanges} writes them. Joins the caller's transaction.
 */
public interface SystemFieldWriter {

    /**
     * Writes {@code fields} (SYSTEM fields with a column) of each row's customer, each field's history under its own
     * source: values parsed and checked as the archive checks them (any problem refuses the whole call with
     * InvalidInputException, nothing written), values equal to the stored ones and cancelled or unknown customers
     * skipped, each changed customer updated once and its version raised.
     *
     * @return the number of customers changed
     */
    int write(List<SystemField> fields, List<SystemValues> rows, String reason);

    /**
     * The same write, with every row's values given by a SELECT instead of sent from Java: one statement for any
     * number of customers, which reads the rows, locks the customers, compares, updates and writes the history rows.
     * The distinct values of each field are checked first as the archive checks them (a problem refuses the call,
     * nothing written); they are written as they are, so they must be canonical already (text stripped, codes as the
     * options spell them), otherwise IllegalArgumentException. No customer may appear in two rows.
     *
     * @return the number of customers changed
     */
    int write(List<SystemField> fields, SelectedValues values, String reason);

    /** A field written and the source its 修改台账 rows name. */
    record SystemField(String key, ChangeSource source) {
    }

    /**
     * A SELECT over the caller's own tables (and the archive's published views) giving the customer code, then one
     * column per field in the order of the fields written, of the field's type or as text; and its parameters.
     */
    record SelectedValues(String sql, List<Object> arguments) {

        public SelectedValues {
            arguments = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arguments));
        }
    }

    /** One customer's values, in the order of the fields written. */
    record SystemValues(String customerCode, List<Object> values) {
    }
}
