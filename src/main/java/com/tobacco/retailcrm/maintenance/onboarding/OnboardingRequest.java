package com.tobacco.retailcrm.maintenance.onboarding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/onboardings}: what the monopoly office forwards about a new licence holder. Dates
 * are {@code YYYY-MM-DD} text so that a bad one is reported by field like every archive value.
 */
public record OnboardingRequest(String licenceNo, String storeName, String responsiblePerson, String address,
                                String countyCode, String licenceIssueDate, String licenceExpiryDate) {

    /** The archive fields of the request (countyCode is where, not a field). */
    Map<String, Object> archiveFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("licenceNo", licenceNo);
        fields.put("storeName", storeName);
        fields.put("responsiblePerson", responsiblePerson);
        fields.put("address", address);
        fields.put("licenceIssueDate", licenceIssueDate);
        fields.put("licenceExpiryDate", licenceExpiryDate);
        return fields;
    }
}
