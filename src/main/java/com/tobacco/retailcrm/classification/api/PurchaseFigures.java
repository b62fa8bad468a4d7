package com.tobacco.retailcrm.classification.api;

import java.time.LocalDate;
import java.util.Map;

/** The purchases recorded from the distribution system, summed per customer, for other modules. */
public interface PurchaseFigures {

    /**
     * Every customer with at least one purchase whose order date lies in {@code [from, toInclusive]}, keyed by
     * customer code; customers without purchases are absent. Computed in one SQL aggregate.
     */
    Map<String, PurchaseTotals> totalsByCustomer(LocalDate from, LocalDate toInclusive);
}
