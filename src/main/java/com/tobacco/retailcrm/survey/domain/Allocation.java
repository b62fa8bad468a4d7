package com.tobacco.retailcrm.survey.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 样本分配 — a sample size shared among strata in proportion to their population by the largest-remainder method
 * (each stratum's quota size × N_i ÷ N rounded down, the seats left over to the largest remainders, ties to the larger
 * stratum and then the stratum's name), then, while the size allows one per non-empty stratum, a stratum left empty
 * takes a seat from the stratum furthest above its quota: "城乡兼顾" — no stratum goes unheard.
 */
public final class Allocation {

    private Allocation() {
    }

    /** Seats per stratum, in the population's order; empty strata get 0. The size must not exceed the population. */
    public static Map<String, Integer> largestRemainder(Map<String, Long> population, int size) {
        long total = population.values().stream().mapToLong(Long::longValue).sum();
        if (size < 0 || size > total) {
            throw new IllegalArgumentException("sample size " + size + " outside 0.." + total);
        }
        Map<String, Integer> seats = new LinkedHashMap<>();
        Map<String, BigDecimal> quotas = new LinkedHashMap<>();
        int given = 0;
        for (var e : population.entrySet()) {
            BigDecimal quota = total == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(size).multiply(BigDecimal.valueOf(e.getValue()))
                    .divide(BigDecimal.valueOf(total), 12, RoundingMode.DOWN);
            quotas.put(e.getKey(), quota);
            int floor = quota.setScale(0, RoundingMode.DOWN).intValueExact();
            seats.put(e.getKey(), floor);
            given += floor;
        }
        List<String> byRemainder = new ArrayList<>(population.keySet());
        byRemainder.sort(Comparator.<String, BigDecimal>comparing(k -> quotas.get(k).subtract(quotas.get(k)
                        .setScale(0, RoundingMode.DOWN))).reversed()
                .thenComparing(Comparator.<String, Long>comparing(population::get).reversed())
                .thenComparing(Comparator.naturalOrder()));
        for (int i = 0; given < size; i++) {
            String k = byRemainder.get(i % byRemainder.size());
            if (seats.get(k) < population.get(k)) {
                seats.merge(k, 1, Integer::sum);
                given++;
            }
        }
        long nonEmpty = population.values().stream().filter(n -> n > 0).count();
        if (size >= nonEmpty) {
            giveEveryStratumOne(population, seats, quotas);
        }
        return seats;
    }

    private static void giveEveryStratumOne(Map<String, Long> population, Map<String, Integer> seats,
                                            Map<String, BigDecimal> quotas) {
        for (String k : population.keySet()) {
            if (population.get(k) > 0 && seats.get(k) == 0) {
                String donor = seats.keySet().stream().filter(d -> seats.get(d) > 1)
                        .max(Comparator.<String, BigDecimal>comparing(d -> BigDecimal.valueOf(seats.get(d))
                                .subtract(quotas.get(d))).thenComparing(d -> seats.get(d)))
                        .orElseThrow();
                seats.merge(donor, -1, Integer::sum);
                seats.put(k, 1);
            }
        }
    }
}
