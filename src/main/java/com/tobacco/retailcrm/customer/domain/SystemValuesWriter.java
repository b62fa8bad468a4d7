package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.api.SystemFieldWriter;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes SYSTEM fields of many customers with one statement per chunk: the new values arrive as text arrays, the stored
 * ones are read locked and compared as canonical text ({@link FieldValues#format}), and the customers that differ are
 * updated and get their 修改台账 rows in the same statement. Applying a classification run to 300,000 customers one
 * {@code applyChanges} at a time would be 600,000 round trips inside one request.
 */
@Service
class SystemValuesWriter implements SystemFieldWriter {

    /** Customers per statement: large enough that round trips do not count, small enough for short array binds. */
    static final int CHUNK = 5_000;

    private final FieldDictionary dictionary;
    private final CustomerValidator validator;
    private final JdbcTemplate jdbc;
    private final java.time.Clock clock;

    SystemValuesWriter(FieldDictionary dictionary, CustomerValidator validator, JdbcTemplate jdbc, java.time.Clock clock) {
        this.dictionary = dictionary;
        this.validator = validator;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int write(List<SystemField> fields, List<SystemValues> rows, String reason) {
        List<FieldDefinition> definitions = fields.stream().map(f -> writable(f.key())).toList();
        List<String[]> columns = parse(fields, rows);
        String sql = statement(definitions);
        String who = CurrentUsers.current().map(CurrentUser::username).orElse("system");
        Timestamp now = Timestamp.from(clock.instant());
        int changed = 0;
        for (int from = 0; from < rows.size(); from += CHUNK) {
            int to = Math.min(rows.size(), from + CHUNK);
            List<Object> args = new ArrayList<>();
            for (String[] column : columns) {
                args.add(java.util.Arrays.copyOfRange(column, from, to));
            }
            // in the statement's order: updated_at, then the history's who, when, reason, then each field's source
            args.addAll(List.of(now, who, now));
            args.add(reason);
            fields.forEach(f -> args.add(f.source().toString()));
            Integer n = jdbc.queryForObject(sql, Integer.class, args.toArray());
            changed += n == null ? 0 : n;
        }
        return changed;
    }

    private FieldDefinition writable(String key) {
        FieldDefinition f = dictionary.require(key);
        if (!f.system() || f.custom() || f.sensitive() || dictionary.column(key) == null) {
            throw new IllegalArgumentException(key + " is not a SYSTEM field with a column of its own");
        }
        return f;
    }

    /** Column 0 the customer codes, then one column per field of canonical text; problems refuse everything. */
    private List<String[]> parse(List<SystemField> fields, List<SystemValues> rows) {
        List<String[]> columns = new ArrayList<>();
        for (int c = 0; c <= fields.size(); c++) {
            columns.add(new String[rows.size()]);
        }
        List<Violation> problems = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            SystemValues row = rows.get(r);
            if (row.values().size() != fields.size()) {
                throw new IllegalArgumentException("row " + row.customerCode() + " has no value for each field");
            }
            columns.get(0)[r] = row.customerCode();
            for (int f = 0; f < fields.size(); f++) {
                String key = fields.get(f).key();
                var one = new HashMap<String, Object>();
                one.put(key, row.values().get(f));
                columns.get(f + 1)[r] = FieldValues.format(validator.parse(one, fields.get(f).source(), problems).get(key));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(validator.describe(problems));
        }
        return columns;
    }

    private String statement(List<FieldDefinition> fields) {
        var indexes = IntStream.range(0, fields.size()).boxed().toList();
        String arrays = indexes.stream().map(i -> "?::text[]").collect(Collectors.joining(", "));
        String names = indexes.stream().map(i -> "n" + i).collect(Collectors.joining(", "));
        String olds = indexes.stream().map(i -> stored(fields.get(i)) + " as o" + i).collect(Collectors.joining(", "));
        String differs = indexes.stream().map(i -> "old.o" + i + " is distinct from v.n" + i)
                .collect(Collectors.joining(" or "));
        String sets = indexes.stream().map(i -> dictionary.column(fields.get(i).key()) + " = ch.n" + i + cast(fields.get(i)))
                .collect(Collectors.joining(", "));
        String pairs = indexes.stream().map(i -> "('" + fields.get(i).key() + "', ch.o" + i + ", ch.n" + i + ", ?)")
                .collect(Collectors.joining(", "));
        return """
                with v as (
                    select * from unnest(?::text[], %s) as v(code, %s)
                ), old as (
                    select c.id, c.customer_code, %s from customer c join v on v.code = c.customer_code
                    where c.status <> 'CANCELLED' for update of c
                ), ch as (
                    select old.*, %s from old join v on v.code = old.customer_code where %s
                ), updated as (
                    update customer c set %s, updated_at = ?, version = c.version + 1 from ch where c.id = ch.id
                    returning c.id
                ), history as (
                    insert into customer_history (customer_id, customer_code, field, old_value, new_value, changed_by,
                        changed_at, source, reason)
                    select ch.id, ch.customer_code, x.field, x.o, x.n, ?, ?, x.source, ?
                    from ch cross join lateral (values %s) as x(field, o, n, source) where x.o is distinct from x.n
                )
                select count(*) from updated
                """.formatted(arrays, names, olds, indexes.stream().map(i -> "v.n" + i).collect(Collectors.joining(", ")),
                differs, sets, pairs);
    }

    /** The stored value as the canonical text {@link FieldValues#format} gives for it. */
    private String stored(FieldDefinition f) {
        String column = "c." + dictionary.column(f.key());
        return switch (f.type()) {
            case DECIMAL -> "trim_scale(" + column + ")::text";
            case DATE -> "to_char(" + column + ", 'YYYY-MM-DD')";
            default -> column + "::text";
        };
    }

    private static String cast(FieldDefinition f) {
        return switch (f.type()) {
            case DECIMAL -> "::numeric";
            case INTEGER -> "::bigint";
            case DATE -> "::date";
            case BOOLEAN -> "::boolean";
            default -> "";
        };
    }
}
