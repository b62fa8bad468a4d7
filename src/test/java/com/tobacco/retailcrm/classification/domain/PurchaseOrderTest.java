package com.tobacco.retailcrm.classification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PurchaseOrderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private static PurchaseOrder.Parsed parse(String date, String qty, String amount) {
        return PurchaseOrder.parse("PO-1", "110101000001", date, qty, amount, TODAY);
    }

    @Test
    void quantitiesAndAmountsHaveAtMostTwoDecimals() {
        assertThat(parse("2026-11-01", "1.25", "10.10").valid()).isTrue();
        assertThat(parse("2026-11-01", "1.250", "10.1000").order().qty()).isEqualByComparingTo("1.25");
        assertThat(parse("2026-11-01", "1.251", "10").problems())
                .containsExactly(new PurchaseOrder.Problem("classification.purchase.error.precision", "qty"));
        assertThat(parse("2026-11-01", "1", "0.001").problems())
                .containsExactly(new PurchaseOrder.Problem("classification.purchase.error.precision", "amount"));
    }

    @Test
    void quantitiesAndAmountsAreNeverNegative() {
        assertThat(parse("2026-11-01", "-0.01", "-5").problems()).extracting(PurchaseOrder.Problem::messageKey)
                .containsExactly("classification.purchase.error.negative", "classification.purchase.error.negative");
        assertThat(parse("2026-11-01", "0", "0").valid()).isTrue();
    }

    @Test
    void anOrderIsNeverDatedAfterToday() {
        assertThat(parse("2026-11-20", "1", "1").valid()).isTrue();
        assertThat(parse("2026-11-21", "1", "1").problems()).extracting(PurchaseOrder.Problem::messageKey)
                .containsExactly("classification.purchase.error.future");
        assertThat(parse("20261101", "1", "1").problems()).extracting(PurchaseOrder.Problem::messageKey)
                .containsExactly("classification.purchase.error.date");
    }

    @Test
    void numbersThatDoNotFitTheColumnsAreRefused() {
        assertThat(parse("2026-11-01", "1e13", "1").problems()).extracting(PurchaseOrder.Problem::messageKey)
                .containsExactly("classification.purchase.error.tooLarge");
        assertThat(parse("2026-11-01", "1e2", "1").order().qty()).isEqualByComparingTo("100");
    }
}
