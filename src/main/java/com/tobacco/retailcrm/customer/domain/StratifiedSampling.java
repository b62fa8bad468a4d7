package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.customer.api.CustomerSampling;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.api.FieldType;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draws the sample in one statement: within each stratum the customers are ordered by a keyed hash of seed and code
 * (a reproducible random permutation) and the first n of the stratum are taken, so 2,000 of 300,000 costs one scan.
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
    public List<SampledCustomer> sample(List<String> strataFields, Map<String, Integer> sizes, long seed) {
        String stratum = stratumExpression(strataFields);
        List<String> names = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        sizes.forEach((k, v) -> {
            if (v != null && v > 0) {
                names.add(k);
                counts.add(v);
            }
        });
        if (names.isEmpty()) {
            return List.of();
        }
        // hashtextextended: a fast 64-bit hash of the code under the seed, the ordering of each stratum's permutation
        return jdbc.query("""
                select p.customer_code, p.s, p.county_org_unit_id, p.customer_manager from (
                  select customer_code, county_org_unit_id, customer_manager, %s s,
                         row_number() over (partition by %s order by hashtextextended(customer_code, ?), customer_code) rn
                    from customer where status = 'ACTIVE' and customer_code is not null) p
                  join unnest(?::text[], ?::int[]) a(stratum, n) on a.stratum = p.s
                 where p.rn <= a.n order by p.s, p.rn""".formatted(stratum, stratum),
                (rs, i) -> new SampledCustomer(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)),
                seed, names.toArray(String[]::new), counts.toArray(Integer[]::new));
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
