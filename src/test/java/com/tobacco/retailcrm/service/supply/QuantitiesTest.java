package com.tobacco.retailcrm.service.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @Test
    void aQuantityIsShownWithoutTrailingZeros() {
        Quantities q = new Quantities();
        assertThat(q.text(new BigDecimal("30.00"))).isEqualTo("30");
        assertThat(q.text(new BigDecimal("2.50"))).isEqualTo("2.5");
        assertThat(q.text(new BigDecimal("100"))).as("never 1E+2").isEqualTo("100");
        assertThat(q.text(null)).isEmpty();
        assertThat(q.text(12L)).isEqualTo("12");
    }
}
