package com.tobacco.retailcrm.customer.api;

import java.util.List;
import java.util.Map;

/**
 * 分层抽样 — ACTIVE customers counted and drawn per stratum for a survey, company-wide and set-based (the archive is
 * never loaded). A stratum is the codes of the strata fields (enum fields of the dictionary that have a column) joined
 * by {@code |}, an empty value as {@code -}. An unknown or unsuitable strata field → InvalidInputException on
 * {@code strata}.
 */
public interface CustomerSampling {

    /** How many ACTIVE customers each non-empty stratum holds, strata in code order. */
    Map<String, Long> population(List<String> strataFields);

    /**
     * For each stratum, {@code sizes.get(stratum)} of its ACTIVE customers chosen at random but reproducibly: the same
     * seed over the same archive gives the same customers. Never the same customer twice.
     */
    default List<SampledCustomer> sample(List<String> strataFields, Map<String, Integer> sizes, long seed) {
        return sample(strataFields, sizes, Map.of(), seed);
    }

    /**
     * The same draw, told each stratum's population as {@link #population} just counted it: then only the customers
     * that can be among the first of their stratum's random order are ranked (the result is the same).
     */
    List<SampledCustomer> sample(List<String> strataFields, Map<String, Integer> sizes, Map<String, Long> population,
                                 long seed);

    /** A customer drawn, with its county (org unit id) and customer manager as they are now. */
    record SampledCustomer(String customerCode, String stratum, long countyOrgUnitId, String customerManager) {
    }
}
