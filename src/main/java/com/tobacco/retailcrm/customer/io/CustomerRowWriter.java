package com.tobacco.retailcrm.customer.io;

import com.tobacco.retailcrm.customer.api.AppliedChanges;
import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.customer.domain.CustomerBatchCreation;
import com.tobacco.retailcrm.customer.domain.CustomerBatchUpdate;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Applies one canonical row to the archive through {@link CustomerArchive}: creates the customer when its code is
 * new, otherwise applies the row's values as changes (the archive writes nothing when every value is as stored, so
 * the same file imported twice changes nothing). Problems are returned, not thrown, when the archive can say them
 * beforehand; only a failure found while writing (a licence taken by another row meanwhile) is thrown.
 *
 * <p>Values the archive does not take from files are settled here: a SYSTEM field (exported, so it comes back in
 * a round trip) must repeat the stored value; a masked sensitive value ({@code 138****5678}) means "as stored";
 * the county must match for an existing customer.
 */
@Component
class CustomerRowWriter {

    private final CustomerArchive archive;
    private final CustomerBatchCreation creation;
    private final CustomerBatchUpdate updates;

    CustomerRowWriter(CustomerArchive archive, CustomerBatchCreation creation, CustomerBatchUpdate updates) {
        this.archive = archive;
        this.creation = creation;
        this.updates = updates;
    }

    /**
     * Applies the row; problems found without the archive (county, SYSTEM fields) are added to {@code problems}
     * and nothing is written. The archive's own refusals are thrown, so the caller's transaction decides.
     *
     * @param exists whether a customer with the row's code is already in the archive
     */
    RowResult.Outcome write(ImportRow row, Map<String, ImportField> fields, ChangeSource source, boolean exists,
                            List<FieldProblem> problems) {
        return write(row, fields, source, exists, null, problems);
    }

    /**
     * {@link #write(ImportRow, Map, ChangeSource, boolean, List)}, a change of a customer {@code batch} holds judged
     * by it and written when the batch is (see {@link #lockForUpdate}); a customer it does not hold (created by an
     * earlier row, or out of scope) is read and changed here.
     */
    RowResult.Outcome write(ImportRow row, Map<String, ImportField> fields, ChangeSource source, boolean exists,
                            CustomerBatchUpdate.Batch batch, List<FieldProblem> problems) {
        String code = row.customerCode();
        if (code == null) {
            problems.add(new FieldProblem("customerCode", "{customer.import.error.codeRequired}"));
            return RowResult.Outcome.FAILED;
        }
        boolean batched = exists && batch != null && batch.holds(code);
        Optional<CustomerRecord> existing = !exists ? Optional.empty()
                : batched ? batch.find(code) : archive.find(code);
        if (exists && existing.isEmpty()) {
            problems.add(new FieldProblem("customerCode", "{customer.import.error.outOfScope}"));
            return RowResult.Outcome.FAILED;
        }
        Map<String, Object> values = settle(row, fields, existing, problems);
        if (!problems.isEmpty()) {
            return RowResult.Outcome.FAILED;
        }
        if (existing.isEmpty()) {
            archive.create(values, row.values().get(ImportField.COUNTY_CODE), source);
            return RowResult.Outcome.CREATED;
        }
        Map<String, Object> changes = changedOnly(values, existing.get());
        if (changes.isEmpty()) {
            return RowResult.Outcome.UNCHANGED;
        }
        AppliedChanges applied = batched ? batch.apply(code, changes, source, source.toString())
                : archive.applyChanges(code, changes, null, source, source.toString());
        return applied.unchanged() ? RowResult.Outcome.UNCHANGED : RowResult.Outcome.UPDATED;
    }

    /**
     * The customers of these codes within the caller's scope, locked in one statement, their changes to be written
     * together by {@link CustomerBatchUpdate.Batch#write}. In the caller's transaction.
     */
    CustomerBatchUpdate.Batch lockForUpdate(java.util.Collection<String> codes) {
        return updates.lock(codes);
    }

    /**
     * Settles, validates and renders rows whose codes are new, to be created in one go (see
     * {@link CustomerBatchCreation}) by {@link #writeCreations}; writes nothing.
     */
    PreparedCreations prepareCreations(List<ImportRow> rows, Map<String, ImportField> fields, ChangeSource source) {
        List<RowResult> refused = new ArrayList<>();
        List<CustomerBatchCreation.NewCustomer> batch = new ArrayList<>();
        Map<Integer, ImportRow> byNumber = new HashMap<>();
        for (ImportRow row : rows) {
            List<FieldProblem> problems = new ArrayList<>();
            Map<String, Object> values = settle(row, fields, Optional.empty(), problems);
            if (!problems.isEmpty()) {
                refused.add(RowResult.failed(row.number(), problems));
            } else {
                batch.add(new CustomerBatchCreation.NewCustomer(row.number(), values,
                        row.values().get(ImportField.COUNTY_CODE)));
                byNumber.put(row.number(), row);
            }
        }
        return new PreparedCreations(refused, creation.prepare(batch, source), byNumber);
    }

    /** Rows prepared for creation: those refused already, and the batch to write. */
    record PreparedCreations(List<RowResult> refused, CustomerBatchCreation.Prepared batch,
                             Map<Integer, ImportRow> byNumber) {

        /** Whether some rows are already known to need the one-by-one path (custom fields). */
        boolean deferred() {
            return batch.anyDeferred();
        }
    }

    /**
     * Creates the prepared customers in the caller's transaction. Returns a result for every row it settled; rows
     * it could not take (custom fields, or a code that exists by now) are added to {@code deferred} for
     * {@link #write}.
     */
    List<RowResult> writeCreations(PreparedCreations prepared, List<ImportRow> deferred) {
        List<RowResult> results = new ArrayList<>(prepared.refused());
        for (CustomerBatchCreation.Outcome o : creation.write(prepared.batch())) {
            if (o.deferred()) {
                deferred.add(prepared.byNumber().get(o.row()));
            } else {
                results.add(o.created() ? RowResult.of(o.row(), RowResult.Outcome.CREATED) : RowResult.failed(o.row(), o.problems()));
            }
        }
        return results;
    }

    /** The values the archive is asked to apply; problems it does not judge itself are added to {@code problems}. */
    private static Map<String, Object> settle(ImportRow row, Map<String, ImportField> fields,
                                              Optional<CustomerRecord> existing, List<FieldProblem> problems) {
        String county = row.values().get(ImportField.COUNTY_CODE);
        Map<String, Object> values = new LinkedHashMap<>(row.values().size() * 4 / 3 + 1);
        for (var entry : row.values().entrySet()) {
            ImportField field = fields.get(entry.getKey());
            String value = entry.getValue();
            if (field.key().equals(ImportField.COUNTY_CODE)) {
                if (existing.isPresent() && value != null && !value.equals(existing.get().countyCode())) {
                    problems.add(new FieldProblem(field.key(), "{customer.import.error.countyChange}"));
                }
            } else if (!field.writable()) {
                if (existing.isEmpty() ? value != null : !same(value, existing.get().get(field.key()))) {
                    problems.add(new FieldProblem(field.key(), "{customer.import.error.systemField}"));
                }
            } else if (!(field.sensitive() && value != null && value.contains("*"))) {
                values.put(field.key(), value);
            }
        }
        if (existing.isEmpty()) {
            if (county == null) {
                problems.add(new FieldProblem(ImportField.COUNTY_CODE, "{customer.import.error.countyRequired}"));
            }
            values.values().removeIf(v -> v == null);
        }
        return values;
    }

    /** The values that differ from the stored ones, so an unchanged row costs no write at all. */
    private static Map<String, Object> changedOnly(Map<String, Object> values, CustomerRecord stored) {
        Map<String, Object> changes = new HashMap<>();
        values.forEach((key, value) -> {
            if (!same((String) value, stored.get(key))) {
                changes.put(key, value);
            }
        });
        return changes;
    }

    /** Whether the canonical text of a cell is the stored value (numbers by value: 12.50 is 12.5). */
    static boolean same(String text, Object stored) {
        if (text == null || stored == null) {
            return text == null && (stored == null || stored.toString().isEmpty());
        }
        if (stored instanceof BigDecimal || stored instanceof Integer || stored instanceof Long) {
            try {
                return new BigDecimal(text).compareTo(new BigDecimal(stored.toString())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return text.equals(stored.toString());
    }
}
