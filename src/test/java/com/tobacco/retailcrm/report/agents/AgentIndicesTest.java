package com.tobacco.retailcrm.report.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AgentIndicesTest {

    @Test
    void theSeedsFormulasGiveTheThreeIndicesWithTwoPlaces() {
        AgentScore s = new AgentScore("zhouli", 1_250, 50, 1_000, new BigDecimal("92"), new BigDecimal("87.5"), 2,
                new BigDecimal("88"), 1);
        AgentIndices i = AgentIndices.of(s, new BigDecimal("5"), new BigDecimal("2"));
        assertThat(i.callVolume()).isEqualTo(new BigDecimal("120.00"));   // (1250 − 50) ÷ 1000 × 100
        assertThat(i.serviceQuality()).isEqualTo(new BigDecimal("79.75")); // (92 + 87.5) ÷ 2 − 2 × 5
        assertThat(i.training()).isEqualTo(new BigDecimal("86.00"));      // 88 − 1 × 2
    }
}
