package com.tobacco.retailcrm.maintenance.onboarding;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * 新入网的七个环节 (DOMAIN.md 3.1) with the archive fields each one fills: the API accepts exactly these in
 * {@code data} and the step's form shows exactly these. Keys match the user tasks of {@code onboarding.bpmn20.xml}.
 */
enum OnboardingStep {

    FORWARD("forward", List.of(), List.of()),
    /** The customer manager's visit: the archive fields that make the customer (客户新入网申请表). */
    VISIT("visit", List.of("retailFormat", "marketType", "customerManager"),
            List.of("customerCode", "idCardNo", "creditCode", "licenceIssuingBureau", "adminRegion", "businessNature",
                    "businessScope", "businessArea", "contactPerson", "orderPhone", "mobilePhone", "homeAddress",
                    "openingHours", "displayForm", "counterCount", "hasCashRegister", "terminalType", "consumerGroup",
                    "tobaccoShare", "brandCount")),
    COUNTY_REVIEW("countyReview", List.of(), List.of()),
    /** Distribution data (type, manager, phone, bank, order method) and CRM data (format, location). */
    MARKET_REVIEW("marketReview", List.of(),
            List.of("retailFormat", "marketType", "businessNature", "customerManager", "orderPhone", "bankName",
                    "bankAccount", "taxpayerNo", "taxType", "orderMethod", "settlementMethod", "orderFrequency",
                    "address", "adminRegion", "monopolyOfficer", "phoneOrderClerk")),
    GIS_PLACEMENT("gisPlacement", List.of("longitude", "latitude", "deliveryRoute"),
            List.of("deliverySequence", "deliveryStaff")),
    SALES_LIMITS("salesLimits", List.of("orderBatch", "visitBatch", "totalLimit"),
            List.of("orderDay", "monthlyAgreedQty", "quotaCategory")),
    CLOSING("closing", List.of(), List.of());

    private final String key;
    private final List<String> required;
    private final List<String> optional;

    OnboardingStep(String key, List<String> required, List<String> optional) {
        this.key = key;
        this.required = required;
        this.optional = optional;
    }

    String key() {
        return key;
    }

    List<String> required() {
        return required;
    }

    /** Every field of the step, required ones first. */
    List<String> fields() {
        return java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
    }

    static Optional<OnboardingStep> of(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
