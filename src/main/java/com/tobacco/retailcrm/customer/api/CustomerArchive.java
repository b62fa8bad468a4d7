package com.tobacco.retailcrm.customer.api;

import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * 客户档案 — the customer archive for other modules (import, change requests, classification, reminders).
 *
 * <p>Values in a change map are keyed by dictionary key; each may be a String (also for numbers, dates
 * {@code YYYY-MM-DD}, booleans {@code true/false} and enum codes), a BigDecimal/Integer/Long, a Boolean, a LocalDate,
 * or null to clear the field. Unknown keys, SYSTEM fields (unless the source computes them) and invalid values give
 * {@link com.tobacco.retailcrm.shared.api.InvalidInputException} with every problem at once.
 *
 * <p>Every method joins the caller's transaction and runs as the signed-in user (history's "who", data scope,
 * masking). An exception marks that transaction rollback-only: a caller that wants to go on after a bad row (an
 * import) runs each row in its own transaction (TransactionTemplate with PROPAGATION_REQUIRES_NEW) or calls
 * {@link #check} first. A background thread must carry the user's SecurityContext.
 */
public interface CustomerArchive {

    /**
     * Creates a customer in a county (an org unit of type COUNTY). Defaults: orderFrequency WEEKLY, orderMethod
     * ONLINE, settlementMethod ELECTRONIC, status ACTIVE. Needs customerCode, licenceNo, storeName, retailFormat,
     * marketType. Duplicate code or licence → ConflictException.
     */
    CustomerRecord create(Map<String, Object> fields, String countyCode, ChangeSource source);

    /**
     * Applies changes all-or-nothing and writes one history row per changed field with the source, in the caller's
     * transaction. {@code expectedVersion} null skips the stale check (the row is locked while it is applied, so
     * nothing is lost). Status changes follow PENDING→ACTIVE↔SUSPENDED→CANCELLED and need {@code reason};
     * a cancelled customer is read-only (BusinessRuleException). A customer outside the caller's scope → NotFound.
     */
    AppliedChanges applyChanges(String customerCode, Map<String, Object> changes, Long expectedVersion,
                                ChangeSource source, String reason);

    default AppliedChanges applyChanges(String customerCode, Map<String, Object> changes, Long expectedVersion,
                                        ChangeSource source) {
        return applyChanges(customerCode, changes, expectedVersion, source, null);
    }

    /**
     * The problems {@link #create} (customerCode absent from the archive) or {@link #applyChanges} would report for
     * these values, without writing anything or throwing; an empty list means they would be accepted.
     */
    List<com.tobacco.retailcrm.shared.api.FieldProblem> check(String customerCode, Map<String, Object> fields,
                                                              String countyCode, ChangeSource source);

    /**
     * A fingerprint of each named field's stored value (a keyed hash, never the clear value; {@code "-"} when empty),
     * so a caller can tell later whether a field changed meanwhile without seeing sensitive values. Within the
     * caller's scope (NotFound otherwise).
     */
    Map<String, String> fingerprints(String customerCode, java.util.Collection<String> keys);

    /** The fields the signed-in user may edit directly on this customer (empty when it is read-only). */
    java.util.Set<String> directlyEditable(String customerCode);

    /** The customer within the caller's scope, sensitive values masked (no clear read, nothing audited). */
    Optional<CustomerRecord> find(String customerCode);

    /** {@link #find} for many customers in one query: those within the caller's scope, by code. */
    java.util.Map<String, CustomerRecord> findAll(java.util.Collection<String> customerCodes);

    boolean exists(String customerCode);

    /** Which of these codes the archive holds, in one look-up (for a batch from another system). */
    java.util.Set<String> existing(java.util.Collection<String> customerCodes);

    PageResponse<CustomerSummary> search(CustomerQuery query, PageQuery page);

    /** Every customer matching the query within the caller's scope, masked, in code order (for exports). */
    void forEach(CustomerQuery query, Consumer<CustomerRecord> consumer);
}
