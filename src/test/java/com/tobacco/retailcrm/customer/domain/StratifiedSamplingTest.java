package com.tobacco.retailcrm.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.customer.api.CustomerSampling;
import com.tobacco.retailcrm.customer.api.CustomerSampling.SampledCustomer;
import com.tobacco.retailcrm.support.ApiTest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The draw ranks only the customers below each stratum's cutoff when it knows the population: the sample is the
 * one the full ranking gives, also when a cutoff comes up short and the stratum is drawn again in full.
 */
class StratifiedSamplingTest extends ApiTest {

    @Autowired
    CustomerSampling sampling;

    private static final List<String> STRATA = List.of("marketType", "retailFormat");

    private void customers(int n) {
        long county = jdbc.queryForObject("select id from org_unit where code = ?", Long.class,
                orgUnit("COUNTY", rootOrgCode(), "抽样县" + unique()));
        String prefix = String.format("%05d", System.nanoTime() % 100_000L);
        jdbc.update("""
                insert into customer (county_org_unit_id, customer_code, licence_no, store_name, retail_format,
                    market_type, status, created_at, updated_at, created_by)
                select ?, ? || lpad(i::text, 6, '0'), ? || lpad(i::text, 6, '0'), '抽样店' || i, (1 + i % 3)::text,
                       (1 + i % 2)::text, 'ACTIVE', now(), now(), 'test'
                  from generate_series(1, ?) i""", county, "7" + prefix, "6" + prefix, n);
    }

    private Map<String, Integer> seats(Map<String, Long> population, int each) {
        Map<String, Integer> seats = new LinkedHashMap<>();
        population.forEach((k, v) -> seats.put(k, (int) Math.min(v, each)));
        return seats;
    }

    @Test
    void withThePopulationKnownTheSampleIsTheSameAsRankingEveryCustomer() {
        customers(3_000);
        Map<String, Long> population = sampling.population(STRATA);
        Map<String, Integer> seats = seats(population, 40);
        List<SampledCustomer> full = sampling.sample(STRATA, seats, 42L);
        List<SampledCustomer> cut = sampling.sample(STRATA, seats, population, 42L);
        assertThat(cut).isEqualTo(full);
        assertThat(new HashSet<>(cut.stream().map(SampledCustomer::customerCode).toList())).as("no repeats")
                .hasSize(cut.size());
        assertThat(cut).hasSize(seats.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(sampling.sample(STRATA, seats, population, 43L)).as("another seed, another sample")
                .isNotEqualTo(cut);
    }

    @Test
    void aStratumWhoseCutoffComesUpShortIsDrawnAgainInFull() {
        customers(3_000);
        Map<String, Long> population = sampling.population(STRATA);
        Map<String, Integer> seats = seats(population, 40);
        // told a population a hundred times too large, every cutoff lets too few through
        Map<String, Long> wrong = new HashMap<>();
        population.forEach((k, v) -> wrong.put(k, v * 100));
        assertThat(sampling.sample(STRATA, seats, wrong, 7L)).isEqualTo(sampling.sample(STRATA, seats, 7L));
    }

    @Test
    void theCutoffCoversTheWholeRangeWhenTheSampleIsMostOfThePopulation() {
        assertThat(StratifiedSampling.cutoff(10, 12L)).isEqualTo(Long.MAX_VALUE);
        assertThat(StratifiedSampling.cutoff(10, null)).isEqualTo(Long.MAX_VALUE);
        long half = StratifiedSampling.cutoff(1_000, 2_000_000L);
        assertThat(half).as("about (1000 + 126 + 10) / 2,000,000 of the range above its bottom")
                .isBetween(Long.MIN_VALUE + (long) (0.000567 * Math.pow(2, 64)),
                        Long.MIN_VALUE + (long) (0.000569 * Math.pow(2, 64)));
    }
}
