package com.tobacco.retailcrm.shared.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeRangeParameterTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NINE_THIRTY = Instant.parse("2026-11-02T01:30:00Z");

    @Test
    void anInstantWithOffsetIsTakenAsIs() {
        assertThat(TimeRangeParameter.from("2026-11-02T09:30:00+08:00", "from", SHANGHAI)).isEqualTo(NINE_THIRTY);
        assertThat(TimeRangeParameter.from("2026-11-02T01:30:00Z", "from", SHANGHAI)).isEqualTo(NINE_THIRTY);
        assertThat(TimeRangeParameter.from("2026-11-01T20:30:00-05:00", "from", SHANGHAI)).isEqualTo(NINE_THIRTY);
    }

    @Test
    void anUnencodedPlusThatArrivedAsASpaceStillMeansPlus() {
        assertThat(TimeRangeParameter.to("2026-11-02T09:30:00 08:00", "to", SHANGHAI)).isEqualTo(NINE_THIRTY);
    }

    @Test
    void aLocalTimeIsInTheCompanysZone() {
        assertThat(TimeRangeParameter.from("2026-11-02T09:30:00", "from", SHANGHAI)).isEqualTo(NINE_THIRTY);
    }

    @Test
    void aDayRunsFromItsStartToItsEnd() {
        assertThat(TimeRangeParameter.from("2026-11-02", "from", SHANGHAI)).isEqualTo(Instant.parse("2026-11-01T16:00:00Z"));
        assertThat(TimeRangeParameter.to("2026-11-02", "to", SHANGHAI)).isEqualTo(Instant.parse("2026-11-02T16:00:00Z"));
    }

    @Test
    void absentIsNoBoundAndNonsenseNamesTheParameter() {
        assertThat(TimeRangeParameter.from(null, "from", SHANGHAI)).isNull();
        assertThat(TimeRangeParameter.from(" ", "from", SHANGHAI)).isNull();
        for (String bad : new String[] {"yesterday", "2026-13-01", "2026-11-02T25:00:00", "2026-11-02T09:30:00+99:00"}) {
            assertThatThrownBy(() -> TimeRangeParameter.to(bad, "to", SHANGHAI)).as(bad)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("to"));
        }
    }
}
