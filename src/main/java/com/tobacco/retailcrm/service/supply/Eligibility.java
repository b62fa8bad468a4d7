package com.tobacco.retailcrm.service.supply;

import java.util.Optional;

/**
 * 申请条件 of an emergency-supply customer (seed 002 §3.4): 正常经营 (ACTIVE), 守法经营 (no serious or repeated
 * violation in the last 12 months) and 明码实价执行到位. {@link #refusal} names the first rule not met, as a message key.
 */
record Eligibility(String status, boolean lawAbiding, Boolean markedPrices) {

    Optional<String> refusal() {
        if (!"ACTIVE".equals(status)) {
            return Optional.of("supply.rule.notActive");
        }
        if (!lawAbiding) {
            return Optional.of("supply.rule.notLawAbiding");
        }
        if (!Boolean.TRUE.equals(markedPrices)) {
            return Optional.of("supply.rule.noMarkedPrices");
        }
        return Optional.empty();
    }
}
