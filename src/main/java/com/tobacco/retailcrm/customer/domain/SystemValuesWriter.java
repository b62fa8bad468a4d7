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
 * {@code applyChanges} at a time would be 600,000 round trips inside one request; values that another module computes
 * in SQL go the same way without leaving the database ({@link SelectedValues}), one statement for the whole set.
 */
@Service
class SystemValuesWriter implements SystemFieldWriter {

    /** Customers per statement: large enough that round trips do not count, small enough for short array binds. */
    static final int CHUNK = 5_000;

    /** Problems named in a refusal: one per distinct wrong value, and a run may have thousands. */
    private static final int MAX_PROBLEMS = 50;

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
        String sql = statement(definitions, "select * from unnest(?::text[], %s) as v(code, %s)".formatted(
                each(definitions, i -> "?::text[]", ", "), each(definitions, i -> "n" + i, ", ")));
        int changed = 0;
        for (int from = 0; from < rows.size(); from += CHUNK) {
            int to = Math.min(rows.size(), from + CHUNK);
            List<Object> args = new ArrayList<>();
            for (String[] column : columns) {
                args.add(java.util.Arrays.copyOfRange(column, from, to));
            }
            changed += update(sql, args, fields, reason);
        }
        return changed;
    }

    /**
     * The rows come from the caller's SELECT, turned into canonical text in the database, so that the same statement
     * as above compares and writes them: all of them at once, with nothing sent through Java but each field's
     * distinct values to check.
     */
    @Override
    @Transactional
    public int write(List<SystemField> fields, SelectedValues values, String reason) {
        List<FieldDefinition> definitions = fields.stream().map(f -> writable(f.key())).toList();
        String names = each(definitions, i -> "n" + i, ", ");
        String rows = "select s.code, %s from (%s) as s(code, %s)".formatted(
                each(definitions, i -> canonical(definitions.get(i), "s.n" + i) + " as n" + i, ", "), values.sql(), names);
        check(fields, rows, values.arguments());
        return update(statement(definitions, rows), new ArrayList<>(values.arguments()), fields, reason);
    }

    /** Runs {@link #statement} with the rows' arguments given and the rest added; the number of customers changed. */
    private int update(String sql, List<Object> args, List<SystemField> fields, String reason) {
        Timestamp now = Timestamp.from(clock.instant());
        // in the statement's order: updated_at, then the history's who, when, reason, then each field's source
        args.addAll(List.of(now, CurrentUsers.current().map(CurrentUser::username).orElse("system"), now));
        args.add(reason);
        fields.forEach(f -> args.add(f.source().toString()));
        Integer n = jdbc.queryForObject(sql, Integer.class, args.toArray());
        return n == null ? 0 : n;
    }

    /**
     * Each field's distinct values of the rows, parsed as the archive parses them: a problem refuses the call, a value
     * that would be written other than it reads (not canonical) is the caller's mistake.
     */
    private void check(List<SystemField> fields, String rows, List<Object> arguments) {
        List<Violation> problems = new ArrayList<>();
        String sql = "select distinct x.i, x.value from (" + rows + ") v cross join lateral (values "
                + each(fields, i -> "(" + i + ", v.n" + i + ")", ", ") + ") as x(i, value) where x.value is not null";
        jdbc.query(con -> {
            var ps = con.prepareStatement(sql);
            ps.setFetchSize(10_000);
            for (int i = 0; i < arguments.size(); i++) {
                ps.setObject(i + 1, arguments.get(i));
            }
            return ps;
        }, rs -> {
            SystemField field = fields.get(rs.getInt(1));
            String raw = rs.getString(2);
            int before = problems.size();
            var one = new HashMap<String, Object>();
            one.put(field.key(), raw);
            Object parsed = validator.parse(one, field.source(), problems).get(field.key());
            if (problems.size() == before && !raw.equals(FieldValues.format(parsed))) {
                throw new IllegalArgumentException(field.key() + " value '" + raw + "' is not canonical");
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(validator.describe(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS))));
        }
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

    /**
     * One statement for a set of rows: {@code rows} gives (code, n0 … nk) as canonical text; the stored values of
     * those customers are read locked (a concurrent edit is waited for and compared with), the customers whose values
     * differ updated once with their version raised, and one history row written per changed field.
     */
    private String statement(List<FieldDefinition> fields, String rows) {
        var indexes = IntStream.range(0, fields.size()).boxed().toList();
        String olds = each(fields, i -> stored(fields.get(i)) + " as o" + i, ", ");
        String differs = each(fields, i -> "old.o" + i + " is distinct from v.n" + i, " or ");
        String sets = each(fields, i -> dictionary.column(fields.get(i).key()) + " = ch.n" + i + cast(fields.get(i)), ", ");
        String pairs = each(fields, i -> "('" + fields.get(i).key() + "', ch.o" + i + ", ch.n" + i + ", ?)", ", ");
        return """
                with v as (
                    %s
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
                """.formatted(rows, olds, indexes.stream().map(i -> "v.n" + i).collect(Collectors.joining(", ")),
                differs, sets, pairs);
    }

    private static String each(List<?> fields, java.util.function.IntFunction<String> part, String separator) {
        return IntStream.range(0, fields.size()).mapToObj(part).collect(Collectors.joining(separator));
    }

    /**
     * A value of the caller's SELECT as the canonical text {@link FieldValues#format} gives for it. Integers go through
     * numeric so that 2.5 is refused by the check, not rounded by a cast.
     */
    private static String canonical(FieldDefinition f, String value) {
        return switch (f.type()) {
            case DECIMAL, INTEGER -> "trim_scale((" + value + ")::numeric)::text";
            case DATE -> "to_char((" + value + ")::date, 'YYYY-MM-DD')";
            case BOOLEAN -> "(" + value + ")::boolean::text";
            default -> "(" + value + ")::text";
        };
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
