package com.tobacco.retailcrm.survey.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationTest {

    private static Map<String, Long> population(Object... pairs) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return m;
    }

    @Test
    void seatsAreProportionalWithTheLeftoverToTheLargestRemainders() {
        // quotas 10 × (50, 30, 20)/100 = 5, 3, 2 exactly; 7 × … = 3.5, 2.1, 1.4 → 3, 2, 1 + one seat to the .5
        assertThat(Allocation.largestRemainder(population("a", 50, "b", 30, "c", 20), 10))
                .containsExactly(Map.entry("a", 5), Map.entry("b", 3), Map.entry("c", 2));
        assertThat(Allocation.largestRemainder(population("a", 50, "b", 30, "c", 20), 7))
                .containsExactly(Map.entry("a", 4), Map.entry("b", 2), Map.entry("c", 1));
    }

    @Test
    void largestRemainderGivesEveryNonEmptyStratumOneWhileTheSizeAllows() {
        Map<String, Integer> seats = Allocation.largestRemainder(population("big", 9_990, "tiny", 5, "small", 5), 10);
        assertThat(seats).containsEntry("tiny", 1).containsEntry("small", 1).containsEntry("big", 8);
        assertThat(seats.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
    }

    @Test
    void aSampleSmallerThanTheStrataCountGoesToTheLargestStrata() {
        Map<String, Integer> seats = Allocation.largestRemainder(population("a", 100, "b", 50, "c", 10), 2);
        assertThat(seats).containsEntry("a", 1).containsEntry("b", 1).containsEntry("c", 0);
    }

    @Test
    void anEmptyStratumGetsNothingAndTheSizeIsAlwaysMet() {
        Map<String, Integer> seats = Allocation.largestRemainder(population("a", 3, "b", 0, "c", 3), 6);
        assertThat(seats).containsEntry("a", 3).containsEntry("b", 0).containsEntry("c", 3);
    }
}
