package com.tobacco.retailcrm.service.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Visits due and made in a month; a visit beyond the due number does not count twice. */
public record VisitCoverage(int due, int visited) {

    /** visited ÷ due to four places, or null when nothing was due. */
    public BigDecimal ratio() {
        return due == 0 ? null : BigDecimal.valueOf(Math.min(visited, due)).divide(BigDecimal.valueOf(due), 4, RoundingMode.HALF_UP);
    }
}
