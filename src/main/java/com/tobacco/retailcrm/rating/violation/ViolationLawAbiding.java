package com.tobacco.retailcrm.rating.violation;

import com.tobacco.retailcrm.rating.api.LawAbiding;
import org.springframework.stereotype.Component;

/** Answers {@link LawAbiding} by {@link LawAbidingStatus#of} on the records, so a violation counts the day it is recorded. */
@Component
class ViolationLawAbiding implements LawAbiding {

    private final ViolationService violations;

    ViolationLawAbiding(ViolationService violations) {
        this.violations = violations;
    }

    @Override
    public boolean isLawAbiding(String customerCode) {
        return violations.statusOf(customerCode) != LawAbidingStatus.SERIOUS;
    }
}
