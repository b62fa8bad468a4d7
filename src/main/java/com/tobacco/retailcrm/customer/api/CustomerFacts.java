package com.tobacco.retailcrm.customer.api;

/**
 * The archive as a read-only SQL view for set-based work in other modules (classification runs, reports): one row
 * per customer with plain, never sensitive columns. Other modules select from {@link #VIEW} instead of the archive's
 * table, so the table stays the customer module's own; the view carries no data scope (the caller applies its own
 * rule, e.g. company-wide for MARKET_DEPT).
 *
 * <p>Columns: {@code customer_code, county_org_unit_id, store_name, status, market_type, retail_format,
 * business_scale, customer_class, tier, purchase_qty, purchase_amount, purchase_avg_price, customer_manager,
 * tobacco_share, integrity_grade} (the last two added for the rating module's evaluation).
 */
public final class CustomerFacts {

    public static final String VIEW = "customer_facts";

    /**
     * The archive's service fields for visits and care, one row per customer, also without data scope: columns
     * {@code customer_id, customer_code, county_org_unit_id, store_name, status, business_scale, customer_manager, visit_cycle,
     * vulnerable_group, vulnerable_kind, birthday, opened_on, created_at}.
     */
    public static final String SERVICE_VIEW = "customer_service_facts";

    private CustomerFacts() {
    }
}
