package com.tobacco.retailcrm.survey.api;

import java.time.YearMonth;
import java.util.List;

/**
 * 测评考核 — the RATING answers of every campaign's questionnaires answered within a month, per customer manager and
 * county of the customer as sampled, company-wide (the caller applies its own data scope). The satisfaction index is
 * {@code (ratingSum − ratings) × 25 ÷ ratings} (RATING 1–5 scaled to 0–100), as the survey results count it.
 */
public interface SurveyFigures {

    List<ManagerRatings> byManager(YearMonth month);

    record ManagerRatings(String manager, long countyOrgUnitId, long ratings, long ratingSum) {
    }
}
