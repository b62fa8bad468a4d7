package com.tobacco.retailcrm.rating.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tobacco.retailcrm.rating.api.CooperationCounts;
import org.junit.jupiter.api.Test;

/** 合作度: correction record, visits received (capped), surveys answered or refused, complaints filed; 0–100. */
class CooperationRuleTest {

    private final CooperationPoints defaults = new CooperationPoints(null, null, null, null, null, null);

    @Test
    void aCleanRecordWithNothingElseKnownScoresTheCorrectionPoints() {
        assertThat(defaults.score(0, 0, CooperationCounts.NONE)).isEqualByComparingTo("70");
    }

    @Test
    void correctionCountsByTheShareOfViolationsCorrected() {
        assertThat(defaults.score(3, 1, CooperationCounts.NONE)).isEqualByComparingTo("23.33");
        assertThat(defaults.score(1, 0, CooperationCounts.NONE)).isEqualByComparingTo("0");
    }

    @Test
    void visitsReceivedAddPointsUpToTheirMaximum() {
        assertThat(defaults.score(0, 0, CooperationCounts.visits(2))).isEqualByComparingTo("80");
        assertThat(defaults.score(0, 0, CooperationCounts.visits(9))).isEqualByComparingTo("85");
    }

    @Test
    void surveysAnsweredAddAndSurveysRefusedTakeOff() {
        assertThat(defaults.score(0, 0, CooperationCounts.surveys(1, 0))).isEqualByComparingTo("85");
        assertThat(defaults.score(0, 0, CooperationCounts.surveys(0, 1))).isEqualByComparingTo("60");
    }

    @Test
    void complaintsFiledTakeOffPoints() {
        assertThat(defaults.score(0, 0, CooperationCounts.complaints(2))).isEqualByComparingTo("60");
    }

    @Test
    void theScoreStaysWithinZeroAndHundred() {
        CooperationCounts all = CooperationCounts.visits(3).plus(CooperationCounts.surveys(2, 0));
        assertThat(defaults.score(0, 0, all)).isEqualByComparingTo("100");
        assertThat(defaults.score(1, 0, CooperationCounts.complaints(4))).isEqualByComparingTo("0");
    }

    @Test
    void pointsAreSettingsAndOutOfRangeSettingsAreRefused() {
        CooperationPoints onlyVisits = new CooperationPoints(0, 10, 100, 0, 0, 0);
        assertThat(onlyVisits.score(0, 0, CooperationCounts.visits(4))).isEqualByComparingTo("40");
        assertThatThrownBy(() -> new CooperationPoints(120, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
