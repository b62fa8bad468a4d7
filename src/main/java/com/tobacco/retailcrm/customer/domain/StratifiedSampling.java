package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.customer.api.CustomerSampling;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.api.FieldType;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draws the sample in one statement: within each stratum the customers are ordered by a keyed hash of seed and code
 * (a reproducible random permutation) and the first n of the stratum are taken, so 2,000 of 300,000 costs one scan and
 * a sort of the few customers that can be among the first (see {@link #draw}); nothing is loaded into Java but the
 * customers drawn.
 */
@Component
class StratifiedSampling implements CustomerSampling {

    private final FieldDictionary dictionary;
    private final JdbcTemplate jdbc;

    StratifiedSampling(FieldDictionary dictionary, JdbcTemplate jdbc) {
        this.dictionary = dictionary;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> population(List<String> strataFields) {
        String stratum = stratumExpression(strataFields);
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("select " + stratum + " s, count(*) from customer where status = 'ACTIVE' and customer_code is not"
                + " null group by 1 order by 1", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SampledCustomer> sample(List<String> strataFields, Map<String, Integer> sizes,
                                       Map<String, Long> population, long seed) {
        String stratum = stratumExpression(strataFields);
        Map<String, Integer> seats = new LinkedHashMap<>();
        sizes.forEach((k, v) -> {
            if (v != null && v > 0) {
                seats.put(k, v);
            }
        });
        if (seats.isEmpty()) {
            return List.of();
        }
        Map<String, Long> cutoffs = new LinkedHashMap<>();
        seats.forEach((k, n) -> cutoffs.put(k, cutoff(n, population.get(k))));
        List<SampledCustomer> drawn = draw(stratum, seats, cutoffs, seed);
        // a stratum with fewer candidates under its cutoff than seats (several standard deviations off): in full
        Map<String, Integer> got = new HashMap<>();
        drawn.forEach(c -> got.merge(c.stratum(), 1, Integer::sum));
        boolean shortfall = false;
        for (var e : seats.entrySet()) {
            if (got.getOrDefault(e.getKey(), 0) < e.getValue() && cutoffs.get(e.getKey()) != Long.MAX_VALUE) {
                cutoffs.put(e.getKey(), Long.MAX_VALUE);
                shortfall = true;
            }
        }
        return shortfall ? draw(stratum, seats, cutoffs, seed) : drawn;
    }

    /**
     * Within each stratum the customers are ordered by a keyed 64-bit hash of seed and code (a reproducible random
     * permutation) and the first n are taken. The hash is uniform, so the first n of N lie below the cutoff computed
     * by {@link #cutoff} but for a chance of about 3 in 100,000: only those few are sorted (about 2,500 rows for a
     * sample of 2,000 instead of all 300,000), and a stratum that comes up short is drawn again without a cutoff.
     * The stratum key is compared byte-wise ({@code collate "C"}): its codes need no language order.
     */
    private List<SampledCustomer> draw(String stratum, Map<String, Integer> seats, Map<String, Long> cutoffs,
                                       long seed) {
        return jdbc.query("""
                select p.customer_code, p.s, p.county_org_unit_id, p.customer_manager from (
                  select c.customer_code, c.s, c.county_org_unit_id, c.customer_manager, a.n,
                         row_number() over (partition by c.s collate "C" order by c.h, c.customer_code collate "C") rn
                    from (select customer_code, county_org_unit_id, customer_manager, %s s,
                                 hashtextextended(customer_code, ?) h
                            from customer where status = 'ACTIVE' and customer_code is not null) c
                    join unnest(?::text[], ?::int[], ?::bigint[]) a(stratum, n, cutoff)
                      on a.stratum = c.s and c.h <= a.cutoff) p
                 where p.rn <= p.n order by p.s, p.rn""".formatted(stratum),
                (rs, i) -> new SampledCustomer(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)),
                seed, seats.keySet().toArray(String[]::new), seats.values().toArray(Integer[]::new),
                seats.keySet().stream().map(cutoffs::get).toArray(Long[]::new));
    }

    /**
     * The hash below which the first {@code n} of {@code population} customers lie but for about 4 standard
     * deviations: a share (n + 4√n + 10) ÷ population of the hash range; no cutoff when the population is not known.
     */
    static long cutoff(int n, Long population) {
        if (population == null || population <= 0) {
            return Long.MAX_VALUE;
        }
        double share = (n + 4 * Math.sqrt(n) + 10) / population;
        if (share >= 1) {
            return Long.MAX_VALUE;
        }
        BigDecimal range = new BigDecimal(BigInteger.ONE.shiftLeft(64));
        BigDecimal cut = range.multiply(BigDecimal.valueOf(share)).add(BigDecimal.valueOf(Long.MIN_VALUE));
        return cut.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : cut.longValue();
    }

    /** The stratum as SQL: only enum columns of the dictionary (never user text) reach the statement. */
    private String stratumExpression(List<String> strataFields) {
        if (strataFields == null || strataFields.isEmpty()) {
            throw new InvalidInputException("strata", "{customer.sampling.strata.empty}");
        }
        List<String> parts = new ArrayList<>();
        for (String key : strataFields) {
            FieldDefinition f = key == null ? null : dictionary.find(key).orElse(null);
            String column = f == null ? null : dictionary.column(key);
            if (f == null || column == null || f.type() != FieldType.ENUM || f.sensitive()) {
                throw new InvalidInputException("strata", "{customer.sampling.strata.invalid}");
            }
            parts.add("coalesce(" + column + ", '-')");
        }
        return parts.size() == 1 ? parts.get(0) : "concat_ws('|', " + String.join(", ", parts) + ")";
    }
}
