package com.tobacco.retailcrm.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one digits helper every API test shares (it stood eleven times in the test bases before). */
class ApiTestDigitsTest {

    @Test
    void digitsAreAsManyAsAskedAndNeverStartWithZero() {
        for (int n : new int[] {1, 8, 12, 18}) {
            for (int i = 0; i < 200; i++) {
                assertThat(ApiTest.digits(n)).as("digits(%d)", n).matches("[1-9]\\d{" + (n - 1) + "}");
            }
        }
    }
}
