package com.tobacco.retailcrm.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Values reach the bulk COPY in its text format: nothing in a store name can end a column or a row. */
class CopyTextTest {

    @Test
    void copyTextEscapesWhatTheFormatUsesAndWritesTypesAsPostgresReadsThem() {
        assertThat(CustomerStore.copyText(null)).isEqualTo("\\N");
        assertThat(CustomerStore.copyText("\\N")).isEqualTo("\\\\N");
        assertThat(CustomerStore.copyText("华信\t超市\n二店\r\\")).isEqualTo("华信\\t超市\\n二店\\r\\\\");
        assertThat(CustomerStore.copyText(new BigDecimal("1E+2"))).isEqualTo("100");
        assertThat(CustomerStore.copyText(true)).isEqualTo("t");
        assertThat(CustomerStore.copyText(LocalDate.of(2027, 3, 1))).isEqualTo("2027-03-01");
    }
}
