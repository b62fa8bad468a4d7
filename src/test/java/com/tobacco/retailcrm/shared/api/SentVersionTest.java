package com.tobacco.retailcrm.shared.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SentVersionTest {

    private static final SentVersion HEADER_FIELD = new SentVersion("If-Match", "{complaint.error.version}");
    private static final SentVersion BODY_FIELD = new SentVersion("version", "{rating.error.version}");

    @Test
    void theBodysVersionWinsOverTheHeader() {
        assertThat(HEADER_FIELD.of(4L, "\"7\"")).isEqualTo(4L);
        assertThat(HEADER_FIELD.of(0L, null)).isZero();
    }

    @Test
    void ifMatchCarriesTheVersionQuotedBareOrWeak() {
        assertThat(HEADER_FIELD.of(null, "\"3\"")).isEqualTo(3L);
        assertThat(HEADER_FIELD.of(null, " 3 ")).isEqualTo(3L);
        assertThat(HEADER_FIELD.of(null, "W/\"3\"")).isEqualTo(3L);
        assertThat(HEADER_FIELD.of(null, "\"999999999999999999\"")).isEqualTo(999_999_999_999_999_999L);
    }

    @Test
    void noVersionAnywhereIsLeftToTheCallerToRefuse() {
        assertThat(HEADER_FIELD.of(null, null)).isNull();
        assertThat(HEADER_FIELD.of(null, "  ")).isNull();
    }

    @Test
    void aMalformedVersionIsA400OnTheFieldTheModuleNames() {
        for (String bad : new String[] {"abc", "\"x\"", "\"-1\"", "+3", "1.5", "*", "\"3\", \"4\"", "9999999999999999999"}) {
            assertThatThrownBy(() -> HEADER_FIELD.of(null, bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .containsExactly(new FieldProblem("If-Match", "{complaint.error.version}")));
        }
        assertThatThrownBy(() -> BODY_FIELD.of(null, "W/abc"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(new FieldProblem("version", "{rating.error.version}")));
    }

    @Test
    void aNegativeVersionInTheBodyIsMalformed() {
        assertThatThrownBy(() -> BODY_FIELD.of(-1L, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aVersionReadFromAJsonMapIsAWholeNonNegativeNumber() {
        assertThat(BODY_FIELD.ofJsonValue(3, "\"7\"")).isEqualTo(3L);
        assertThat(BODY_FIELD.ofJsonValue(3L, null)).isEqualTo(3L);
        assertThat(BODY_FIELD.ofJsonValue(new java.math.BigInteger("3"), null)).isEqualTo(3L);
        assertThat(BODY_FIELD.ofJsonValue(null, "W/\"5\"")).isEqualTo(5L);
        assertThat(BODY_FIELD.ofJsonValue(null, null)).isNull();
        for (Object bad : new Object[] {"3", 1.5, 3.0, -1, true, java.util.List.of(1), new java.math.BigInteger("99999999999999999999")}) {
            assertThatThrownBy(() -> BODY_FIELD.ofJsonValue(bad, "\"1\"")).as(String.valueOf(bad))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .containsExactly(new FieldProblem("version", "{rating.error.version}")));
        }
    }
}
