package com.tobacco.retailcrm.customer.api;

/**
 * 敏感值保管 — for modules that must keep a customer's personal value outside the archive for a while (a change
 * request's new phone until it is applied): sealed with the archive's own key and algorithm, and masked as the
 * archive masks it. Values of fields the dictionary does not mark sensitive pass through unchanged.
 */
public interface SensitiveValues {

    /** Whether the dictionary marks the field sensitive (ID card, phones, home address, bank account). */
    boolean isSensitive(String field);

    /** The value to store: ciphertext for a sensitive field, the value itself otherwise (null stays null). */
    String seal(String field, String value);

    /**
     * The clear value of what {@link #seal} returned; a value stored in clear before sealing existed is returned as
     * it is.
     */
    String unseal(String field, String stored);

    /** What someone who may not read it in clear sees of a stored (sealed or clear) value, e.g. {@code 139****5678}. */
    String masked(String field, String stored);
}
