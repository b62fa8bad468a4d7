package com.tobacco.retailcrm.rating.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * 合作度的依据 — what another module knows of retailers' cooperation (visits received, surveys answered or refused,
 * complaints filed), counted per customer code within a period. The modules that know these things (service, survey,
 * complaint) implement it, because service already reads rating's api: rating asking them back would make a cycle.
 * The evaluation adds up every implementation's counts.
 */
public interface CooperationFacts {

    /**
     * The evaluation's period: its first and last day, both included, and the same days as instants in the company's
     * zone ({@code start} inclusive, {@code end} exclusive) for what is recorded with a time.
     */
    record Period(LocalDate from, LocalDate to, Instant start, Instant end) {
    }

    Map<String, CooperationCounts> countsByCustomer(Period period);
}
