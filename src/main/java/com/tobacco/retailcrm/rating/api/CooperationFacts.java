package com.tobacco.retailcrm.rating.api;

import java.time.LocalDate;
import java.util.Map;

/**
 * 合作度的依据 — what another module knows of retailers' cooperation (visits received, surveys answered or refused,
 * complaints filed), counted per customer code between two dates, both included. The modules that know these things
 * (service, survey, complaint) implement it, because service already reads rating's api: rating asking them back
 * would make a cycle. The evaluation adds up every implementation's counts.
 */
public interface CooperationFacts {

    Map<String, CooperationCounts> countsByCustomer(LocalDate from, LocalDate to);
}
