package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitType;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * 客户查询 — turns a {@link CustomerQuery} into one SQL statement with the caller's data scope inside it, so the
 * database filters and pages. User text only ever reaches SQL as a bound parameter with LIKE wildcards escaped.
 */
@Component
class CustomerSearch {

    static final int MAX_Q_LENGTH = 100;
    static final Map<String, String> SORTABLE = Map.of("customerCode", "customer_code", "storeName", "store_name",
            "licenceNo", "licence_no", "status", "status", "retailFormat", "retail_format",
            "customerManager", "customer_manager", "createdAt", "created_at", "updatedAt", "updated_at");
    private static final Pattern INITIALS = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    /** 尾号: the last four digits of a phone. */
    private static final Pattern PHONE_TAIL = Pattern.compile("[0-9]{4}");
    /** A fixed line's local number: 7 or 8 digits. */
    private static final Pattern LOCAL_NUMBER = Pattern.compile("[0-9]{7,8}");
    private static final Pattern PHONE_LIKE = Pattern.compile("[0-9 -]{7,20}");
    /** Rows a code-ordered walk may pass to fill a page of a short-name search before the grams index is cheaper. */
    static final int MAX_WALK = 8_000;
    static final long SIZE_RECHECK_NANOS = 60_000_000_000L;
    /** The longest pinyin-initials prefix the prefix counters hold (V250). */
    static final int MAX_COUNTED_INITIALS = 5;

    private final JdbcTemplate jdbc;
    private final FieldDictionary dictionary;
    private final CustomerStore store;
    private final SensitiveDataCipher cipher;
    private final OrgDirectory org;
    private final JsonMapper json = JsonMapper.builder().build();
    /** {customers, when read (nanoTime)}: see {@link #archiveSize}. */
    private volatile long[] archiveSize;

    CustomerSearch(JdbcTemplate jdbc, FieldDictionary dictionary, CustomerStore store, SensitiveDataCipher cipher,
                   OrgDirectory org) {
        this.jdbc = jdbc;
        this.dictionary = dictionary;
        this.store = store;
        this.cipher = cipher;
        this.org = org;
    }

    PageResponse<Customer> search(CustomerQuery query, PageQuery page, DataScope scope) {
        Where where = where(query, scope);
        String column = SORTABLE.get(page.sortField());
        String direction = page.ascending() ? " asc" : " desc";
        if (countersCarry(query)) {
            String t = query.q().strip();
            int length = t.codePointCount(0, t.length());
            if (DIGITS.matcher(t).matches()) {
                return column.equals("customer_code") ? digitSearch(query, page, scope, where, direction)
                        : matchesOnce(where, page, column, direction);
            }
            if (INITIALS.matcher(t).matches() && length <= MAX_COUNTED_INITIALS) {
                return initialsSearch(query, page, scope, column, direction);
            }
            if (!INITIALS.matcher(t).matches() && length <= 3) {
                return shortNameSearch(query, page, scope, column, direction);
            }
        }
        if (query.q() == null || query.q().isBlank()) {
            List<Customer> items = jdbc.query("select * from customer c where " + where.sql() + " order by c." + column
                    + direction + ", c.id limit ? offset ?", where.setter(List.of(page.size(), page.offset())), store.mapper());
            return new PageResponse<>(items, count(where), page.page(), page.size());
        }
        return matchesOnce(selective(query.q().strip()) ? textFirst(query, scope) : where, page, column, direction);
    }

    /**
     * The matches of a text search are read once: their ids and sort keys give both the exact total and the page,
     * and only the page's rows are then fetched whole (two statements would visit every match twice). MATERIALIZED
     * states what the double reference already implies: folded into the page query, the planner may walk the sort
     * index and compute the grams of every row it passes (seconds on a large archive).
     */
    private PageResponse<Customer> matchesOnce(Where where, PageQuery page, String column, String direction) {
        long[] total = {-1};
        var mapper = store.mapper();
        List<Customer> items = jdbc.query("with m as materialized (select c.id, c." + column + " as k from customer c where "
                        + where.sql() + ") select c.*, t.n as match_count from (select count(*) as n from m) t"
                        + " cross join (select id, k from m order by k" + direction + ", id limit ? offset ?) p"
                        + " join customer c on c.id = p.id order by p.k" + direction + ", p.id",
                where.setter(List.of(page.size(), page.offset())), (rs, i) -> {
                    total[0] = rs.getLong("match_count");
                    return mapper.mapRow(rs, i);
                });
        return new PageResponse<>(items, total[0] >= 0 ? total[0] : page.offset() == 0 ? 0 : count(where),
                page.page(), page.size());
    }

    /**
     * A text search with no filter but those the counters carry (status, county, manager; the data scope too): its
     * total can come from the counters.
     */
    private static boolean countersCarry(CustomerQuery query) {
        String q = query.q() == null ? "" : query.q().strip();
        return !q.isEmpty() && q.codePointCount(0, q.length()) <= MAX_Q_LENGTH
                && blank(query.retailFormat()) && blank(query.marketType()) && !Boolean.TRUE.equals(query.incomplete())
                && (query.custom() == null || query.custom().isEmpty());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Short store-name search (超市 matches one store in eight; a q of up to three characters that is neither digits
     * nor pinyin letters): the exact total is a sum over the gram counters (V33, V250) in the caller's scope, so no
     * match is visited to count it. With the total known, the page is read by {@link #walkOrMatches}.
     */
    private PageResponse<Customer> shortNameSearch(CustomerQuery query, PageQuery page, DataScope scope, String column,
                                                   String direction) {
        String gram = query.q().strip();
        long total = sum("customer_name_gram_count", new Where("g.gram = ?", List.of(gram)), query, scope);
        return walkOrMatches(query, page, scope, column, direction, total);
    }

    /**
     * Pinyin letters (hx, KTV): the customers whose initials start with them come from the prefix counters (V250);
     * the store names containing the same letters but whose initials do not start with them (few: letters are rare
     * in Chinese names) are counted through the name indexes. The sum is the exact total of the union the query
     * matches.
     */
    private PageResponse<Customer> initialsSearch(CustomerQuery query, PageQuery page, DataScope scope, String column,
                                                  String direction) {
        String t = query.q().strip();
        long counted = sum("customer_prefix_count", new Where("g.kind = 'i' and g.prefix = ?",
                List.of(t.toLowerCase(Locale.ROOT))), query, scope);
        List<Arm> arms = arms(t);
        Arm initials = only(arms, Kind.INITIALS);
        Where uncounted = sparseFilters(query, scope).and(Arm.any(without(arms, Kind.INITIALS)))
                .and(initials.negated());
        long total = counted + count(uncounted);
        return walkOrMatches(query, page, scope, column, direction, total);
    }

    /**
     * Digits (a code or licence prefix, a phone or its last four digits, a name substring): the customers whose code
     * or licence starts with them come from the prefix counters (V250), which leave out each customer's last two
     * levels; those few (a code or licence equal to the digits or one digit longer) are looked up in the unique
     * indexes and, with the phone and name matches outside the prefixes (usually none), counted here. The page is
     * the first rows of a walk of the code index from the prefix merged with those other matches, so a prefix
     * matching the whole archive reads a page of rows, not every match.
     */
    private PageResponse<Customer> digitSearch(CustomerQuery query, PageQuery page, DataScope scope, Where where,
                                               String direction) {
        String t = query.q().strip();
        long[] counted = new long[2];
        Where counters = counterWhere(query, scope, new Where("g.kind in ('c', 'l') and g.prefix = ?", List.of(t)));
        jdbc.query("select coalesce(sum(g.customers) filter (where g.kind = 'c'), 0), "
                + "coalesce(sum(g.customers) filter (where g.kind = 'l'), 0) from customer_prefix_count g where "
                + counters.sql(), counters.setter(List.of()), rs -> {
                    counted[0] = rs.getLong(1);
                    counted[1] = rs.getLong(2);
                });
        int levels = t.length() + 2;
        List<Arm> arms = arms(t);
        Arm code = only(arms, Kind.CODE);
        Arm licence = only(arms, Kind.LICENCE);
        // the customers the counters hold: their code or licence starts with t and is at least two digits longer
        Where countedByPrefix = new Where("(char_length(c.customer_code) >= " + levels + " and " + code.sql()
                + ") or (char_length(c.licence_no) >= " + levels + " and " + licence.sql() + ")",
                concat(code.args(), licence.args()));
        String[] shortOnes = new String[11];
        shortOnes[0] = t;
        for (int d = 0; d <= 9; d++) {
            shortOnes[d + 1] = t + d;
        }
        Arm exact = new Arm(Kind.CODE, "c.customer_code = any(?) or c.licence_no = any(?)",
                List.<Object>of(shortOnes, shortOnes));
        List<Arm> others = without(arms, Kind.CODE, Kind.LICENCE);
        Where filters = filtersOnly(query, scope);
        Where sparse = sparseFilters(query, scope);
        long total = counted[0] + counted[1] + count(sparse.and(Arm.any(concat(List.of(exact), others)))
                .and(countedByPrefix.negated()));
        if (total == 0 || page.offset() >= total) {
            return new PageResponse<>(List.of(), total, page.page(), page.size());
        }
        long wanted = page.offset() + page.size();
        if (wanted > MAX_WALK) {
            return new PageResponse<>(matchesOnce(where, page, "customer_code", direction).items(), total, page.page(),
                    page.size());
        }
        // each part's first rows in code order; their union holds the page. The code prefix is walked in the order of
        // its own (text_pattern_ops) index, the same as the default order for codes, which are digits
        List<Where> parts = new ArrayList<>();
        parts.add(filters.and(code.where()));
        if (counted[1] > 0) {
            parts.add(filters.and(licence.where()).and(code.negated()));
        }
        // the rest: licences one digit longer than t or equal to it (when no licence prefix is counted), phones, names
        parts.add(sparse.and(Arm.any(concat(List.of(new Arm(Kind.LICENCE, "c.licence_no = any(?)",
                List.<Object>of((Object) shortOnes))), others))).and(code.negated()));
        List<String> selects = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            selects.add("(select c.id, c.customer_code from customer c where " + parts.get(i).sql()
                    + " order by c.customer_code" + (i > 0 ? direction : direction.equals(" asc") ? " using ~<~" : " using ~>~")
                    + " limit " + wanted + ")");
            args.addAll(parts.get(i).args());
        }
        Where union = new Where(String.join(" union ", selects), args);
        List<Customer> items = jdbc.query("select c.* from (" + union.sql() + ") p join customer c on c.id = p.id"
                + " order by p.customer_code" + direction + ", p.id limit ? offset ?",
                union.setter(List.of(page.size(), page.offset())), store.mapper());
        return new PageResponse<>(items, total, page.page(), page.size());
    }

    /**
     * With the exact total known, the page is read the cheaper of two ways: when matches are common, walking the
     * customers in code order (at most {@link #MAX_WALK}) and keeping the matching ones reaches the page after a few
     * hundred rows; otherwise the indexes find all matches and they are sorted.
     */
    private PageResponse<Customer> walkOrMatches(CustomerQuery query, PageQuery page, DataScope scope, String column,
                                                 String direction, long total) {
        if (total == 0 || page.offset() >= total) {
            return new PageResponse<>(List.of(), total, page.page(), page.size());
        }
        long customers = scopeSize(query, scope);
        // rows a walk in code order passes to fill the page if matches were spread evenly; they cluster in real
        // archives (a town's codes and names), so the walk is bounded and the indexes take over past the bound
        double expected = (double) (page.offset() + page.size()) * customers / total;
        if (column.equals("customer_code") && expected <= MAX_WALK / 4.0) {
            Where walk = filtersOnly(query, scope);
            String order = "c.customer_code" + direction;
            if (oneManager(query, scope)) {
                // one manager's customers in the order of the index on manager and code (V251), which is code order:
                // the manager as a range of one value, so the planner keeps the manager in the order (an equality
                // would reduce it to code order, which it may serve by walking every customer's code)
                walk = where(new CustomerQuery(null, null, null, query.status(), null, query.countyCode(), null, Map.of()),
                        DataScope.company(), "c.customer_manager", "c.county_org_unit_id")
                        .and(new Where("c.customer_manager >= ? and c.customer_manager <= ?",
                                List.of(scope.managers().iterator().next(), scope.managers().iterator().next())));
                order = "c.customer_manager" + direction + ", " + order;
            }
            Where text = Arm.any(arms(query.q().strip()));
            List<Object> args = concat(walk.args(), text.args());
            List<Customer> items = jdbc.query("select c.* from (select c.* from customer c where " + walk.sql()
                    // the bound as a literal: a generic plan would not know it is small and might sort everything
                    + " order by " + order + " limit " + MAX_WALK + ") c where " + text.sql()
                    + " order by " + order + " limit ? offset ?",
                    new Where("", args).setter(List.of(page.size(), page.offset())), store.mapper());
            if (items.size() == Math.min(page.size(), total - page.offset())) {
                return new PageResponse<>(items, total, page.page(), page.size());
            }
        }
        // the matches are few in the scope here
        return new PageResponse<>(matchesOnce(textFirst(query, scope), page, column, direction).items(), total,
                page.page(), page.size());
    }

    /**
     * Text of four characters or more that are not all digits matches few stores in the whole archive. Shorter text
     * may match one in eight (便利店), and digits may be a code prefix most of the archive shares: there, the scope's
     * index may well be the better way, and the planner chooses.
     */
    private static boolean selective(String t) {
        return t.codePointCount(0, t.length()) > 3 && !DIGITS.matcher(t).matches();
    }

    /**
     * The query as a condition whose text is found through its own index and whose scope and filters are checked on
     * each match: as an index too, a manager's scope is a bitmap of all their customers (30,000 of them: 4 ms, most
     * of a search whose text matches a few hundred; a team's, that times its managers).
     */
    private Where textFirst(CustomerQuery query, DataScope scope) {
        return sparseFilters(query, scope).and(Arm.any(arms(query.q().strip())));
    }

    /** The caller sees one manager's customers and asks for no other manager's. */
    private static boolean oneManager(CustomerQuery query, DataScope scope) {
        return blank(query.customerManager()) && singleManager(scope);
    }

    /** An OWN or TEAM scope of exactly one manager. */
    private static boolean singleManager(DataScope scope) {
        return scope.managers().size() == 1 && (scope.kind() == DataScope.Kind.OWN || scope.kind() == DataScope.Kind.TEAM);
    }

    /** The scope and the filters of the query, without its text. */
    private Where filtersOnly(CustomerQuery query, DataScope scope) {
        return where(withoutText(query), scope);
    }

    private static CustomerQuery withoutText(CustomerQuery query) {
        return new CustomerQuery(null, query.retailFormat(), query.marketType(), query.status(),
                query.customerManager(), query.countyCode(), query.incomplete(), query.custom());
    }

    /** The sum of a counters table's customers (aliased g) for the key, in the caller's scope and filters. */
    private long sum(String table, Where key, CustomerQuery query, DataScope scope) {
        Where counters = counterWhere(query, scope, key);
        Long n = jdbc.query("select coalesce(sum(g.customers), 0) from " + table + " g where " + counters.sql(),
                counters.setter(List.of()), rs -> rs.next() ? rs.getLong(1) : 0L);
        return n == null ? 0 : n;
    }

    /**
     * The caller's data scope and the status, manager and county filters on a counters table aliased g (which keeps
     * a customer without a manager under '', a name no scope or filter uses), after {@code key}.
     */
    private Where counterWhere(CustomerQuery query, DataScope scope, Where key) {
        List<String> parts = new ArrayList<>(List.of(key.sql()));
        List<Object> args = new ArrayList<>(key.args());
        DataScope.SqlPredicate predicate = scope.toSql("g.customer_manager", "g.county_org_unit_id");
        parts.add(predicate.sql());
        args.addAll(predicate.args());
        if (!blank(query.status())) {
            parts.add("g.status = ?");
            args.add(query.status().strip());
        }
        if (!blank(query.customerManager())) {
            parts.add("g.customer_manager = ?");
            args.add(query.customerManager().strip());
        }
        if (!blank(query.countyCode())) {
            parts.add("g.county_org_unit_id = ?");
            args.add(org.findByCode(query.countyCode().strip()).orElseThrow().id());
        }
        return new Where(String.join(" and ", parts.stream().map(p -> "(" + p + ")").toList()), args);
    }

    /**
     * The customers in the caller's scope and the counters' filters: the whole archive's estimate, or the sum of the
     * counters of the ten one-digit code prefixes (every code has eight digits or more).
     */
    private long scopeSize(CustomerQuery query, DataScope scope) {
        if (scope.kind() == DataScope.Kind.COMPANY && blank(query.status()) && blank(query.customerManager())
                && blank(query.countyCode())) {
            return archiveSize();
        }
        return Math.max(1, sum("customer_prefix_count", new Where("g.kind = 'c' and g.prefix = any(?)",
                List.of((Object) new String[] {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"})), query, scope));
    }

    /**
     * The planner's estimate of the customers (pg_class.reltuples), read at most every {@link #SIZE_RECHECK_NANOS}: it
     * only moves when the table is analysed, and it only chooses how a page is read, never what it holds.
     */
    private long archiveSize() {
        long now = System.nanoTime();
        long[] known = archiveSize;
        if (known == null || now - known[1] > SIZE_RECHECK_NANOS) {
            Long n = jdbc.queryForObject("select greatest(reltuples, 1)::bigint from pg_class where oid = 'customer'::regclass",
                    Long.class);
            known = new long[] {n == null ? 1 : n, now};
            archiveSize = known;
        }
        return known[0];
    }

    private long count(Where where) {
        Long n = jdbc.query("select count(*) from customer c where " + where.sql(), where.setter(List.of()),
                rs -> rs.next() ? rs.getLong(1) : 0L);
        return n == null ? 0 : n;
    }

    void forEach(CustomerQuery query, DataScope scope, Consumer<Customer> consumer) {
        Where where = where(query, scope);
        var mapper = store.mapper();
        var setter = where.setter(List.of());
        jdbc.query(con -> {
            var ps = con.prepareStatement("select * from customer c where " + where.sql() + " order by c.customer_code");
            ps.setFetchSize(500);
            setter.setValues(ps);
            return ps;
        }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> consumer.accept(mapper.mapRow(rs, 0)));
    }

    record Where(String sql, List<Object> args) {

        Where and(Where other) {
            return new Where("(" + sql + ") and (" + other.sql + ")", concat(args, other.args));
        }

        Where negated() {
            return new Where("not coalesce((" + sql + "), false)", args);
        }

        /** Binds the arguments, Java arrays (from the data scope) as SQL arrays. */
        org.springframework.jdbc.core.PreparedStatementSetter setter(List<Object> extra) {
            return ps -> {
                int i = 1;
                for (Object a : args) {
                    if (a instanceof Object[] array) {
                        ps.setArray(i++, ps.getConnection().createArrayOf(array instanceof Long[] ? "bigint" : "varchar", array));
                    } else {
                        ps.setObject(i++, a);
                    }
                }
                for (Object a : extra) {
                    ps.setObject(i++, a);
                }
            };
        }
    }

    Where where(CustomerQuery query, DataScope scope) {
        return where(query, scope, "c.customer_manager", "c.county_org_unit_id");
    }

    /**
     * The scope and filters as a condition checked on rows found through other indexes: when the text matches few
     * customers, intersecting them with the manager's or the county's whole index costs more than the matches.
     */
    private Where sparseFilters(CustomerQuery query, DataScope scope) {
        return where(withoutText(query), scope, "(c.customer_manager || '')", "(c.county_org_unit_id + 0)");
    }

    private Where where(CustomerQuery query, DataScope scope, String managerColumn, String countyColumn) {
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        DataScope.SqlPredicate predicate = scope.toSql(managerColumn, countyColumn);
        if (singleManager(scope)) {
            // one manager as an equality, which a generic plan can walk in the manager's code order (V251)
            predicate = new DataScope.SqlPredicate(managerColumn + " = ?", List.of(scope.managers().iterator().next()));
        }
        parts.add(predicate.sql());
        args.addAll(predicate.args());
        text(query.q(), parts, args, problems);
        enumFilter("retailFormat", query.retailFormat(), parts, args, problems);
        enumFilter("marketType", query.marketType(), parts, args, problems);
        enumFilter("status", query.status(), parts, args, problems);
        if (query.customerManager() != null && !query.customerManager().isBlank()) {
            parts.add(managerColumn + " = ?");
            args.add(query.customerManager().strip());
        }
        if (query.countyCode() != null && !query.countyCode().isBlank()) {
            var county = org.findByCode(query.countyCode().strip()).filter(u -> u.type() == OrgUnitType.COUNTY);
            if (county.isEmpty()) {
                problems.add(new FieldProblem("countyCode", "{customer.error.countyCode}"));
            } else {
                parts.add(countyColumn + " = ?");
                args.add(county.get().id());
            }
        }
        if (Boolean.TRUE.equals(query.incomplete())) {
            parts.add(incompleteSql());
        }
        custom(query.custom(), parts, args, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Where(String.join(" and ", parts.stream().map(p -> "(" + p + ")").toList()), args);
    }

    /**
     * Code or licence prefix, name substring, pinyin-initials prefix, or a phone by its keyed hashes (the whole
     * number, a fixed line without its area code, or four digits as the last four) — but
     * in the forms their indexes serve: digits are also a code or licence prefix (and a phone when they make one),
     * ASCII letters (then letters or digits) also a pinyin-initials prefix, and any text is a store-name substring
     * (pg_trgm from three characters, the one- and two-character grams index below that). Results are those of
     * matching every kind; the shape only drops kinds that cannot match (a code is digits).
     */
    private void text(String q, List<String> parts, List<Object> args, List<FieldProblem> problems) {
        if (q == null || q.isBlank()) {
            return;
        }
        String t = q.strip();
        if (t.codePointCount(0, t.length()) > MAX_Q_LENGTH) {
            problems.add(new FieldProblem("q", "{customer.error.q.tooLong}"));
            return;
        }
        Where any = Arm.any(arms(t));
        parts.add(any.sql());
        args.addAll(any.args());
    }

    /** The ways the stripped text {@code t} can match, each in the form its index serves. */
    private List<Arm> arms(String t) {
        List<Arm> arms = new ArrayList<>();
        if (DIGITS.matcher(t).matches()) {
            arms.add(prefix(Kind.CODE, "c.customer_code", t));
            arms.add(prefix(Kind.LICENCE, "c.licence_no", t));
        }
        if (INITIALS.matcher(t).matches()) {
            arms.add(prefix(Kind.INITIALS, "c.store_name_initials", t.toLowerCase(Locale.ROOT)));
        }
        if (PHONE_LIKE.matcher(t).matches()) {
            String hash = cipher.phoneHash(t);
            arms.add(new Arm(Kind.PHONE, "c.order_phone_hash = ? or c.mobile_phone_hash = ?", List.of(hash, hash)));
            // a fixed line given without its area code
            String number = PhoneNumber.digits(t);
            if (LOCAL_NUMBER.matcher(number).matches()) {
                String local = cipher.localNumberHash(number);
                arms.add(new Arm(Kind.PHONE, "c.order_phone_local_hash = ? or c.mobile_phone_local_hash = ?",
                        List.of(local, local)));
            }
        }
        if (PHONE_TAIL.matcher(t).matches()) {
            String tail = cipher.phoneTailHash(t);
            arms.add(new Arm(Kind.PHONE, "c.order_phone_tail_hash = ? or c.mobile_phone_tail_hash = ?", List.of(tail, tail)));
        }
        if (t.codePointCount(0, t.length()) >= 3) {
            arms.add(new Arm(Kind.NAME, "c.store_name like ? escape '\\'", List.of("%" + escapeLike(t) + "%")));
        } else {
            // a one- or two-character string is itself the gram, so containment is the substring match
            arms.add(new Arm(Kind.NAME, "c.store_name_grams @> array[?]::text[]", List.of(t)));
        }
        return arms;
    }

    /** What a text search matches by. */
    enum Kind {
        CODE, LICENCE, INITIALS, PHONE, NAME
    }

    /** One way a text search matches, as SQL on customer c. */
    record Arm(Kind kind, String sql, List<Object> args) {

        Where where() {
            return new Where(sql, args);
        }

        Where negated() {
            return where().negated();
        }

        /** Any of the arms. */
        static Where any(List<Arm> arms) {
            return arms.isEmpty() ? new Where("false", List.of())
                    : new Where(String.join(" or ", arms.stream().map(a -> "(" + a.sql + ")").toList()),
                    arms.stream().flatMap(a -> a.args.stream()).toList());
        }
    }

    private static Arm only(List<Arm> arms, Kind kind) {
        return arms.stream().filter(a -> a.kind() == kind).findFirst().orElseThrow();
    }

    private static List<Arm> without(List<Arm> arms, Kind... kinds) {
        Set<Kind> left = Set.of(kinds);
        return arms.stream().filter(a -> !left.contains(a.kind())).toList();
    }

    private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * {@code column} starts with the ASCII {@code prefix}, as a range the {@code text_pattern_ops} index serves even
     * in a generic prepared plan (a bound LIKE pattern is unknown when such a plan is made): byte-wise, the strings
     * starting with "123" are exactly those from "123" up to, not including, "124".
     */
    private static Arm prefix(Kind kind, String column, String prefix) {
        int last = prefix.length() - 1;
        return new Arm(kind, column + " ~>=~ ? and " + column + " ~<~ ?",
                List.of(prefix, prefix.substring(0, last) + (char) (prefix.charAt(last) + 1)));
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private void enumFilter(String key, String value, List<String> parts, List<Object> args, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return;
        }
        FieldDefinition f = dictionary.require(key);
        if (f.option(value.strip()).isEmpty()) {
            problems.add(new FieldProblem(key, "{customer.error.filter.enum}"));
            return;
        }
        parts.add("c." + dictionary.column(key) + " = ?");
        args.add(value.strip());
    }

    private void custom(Map<String, String> filters, List<String> parts, List<Object> args, List<FieldProblem> problems) {
        if (filters == null || filters.isEmpty()) {
            return;
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        filters.forEach((key, value) -> {
            var f = dictionary.find(key).filter(FieldDefinition::custom);
            List<Violation> bad = new ArrayList<>();
            Object parsed = f.map(def -> FieldValues.parse(def, value, bad)).orElse(null);
            if (f.isEmpty() || !bad.isEmpty() || parsed == null) {
                problems.add(new FieldProblem(key, "{customer.error.filter.custom}"));
            } else {
                wanted.put(key, FieldValues.format(parsed));
            }
        });
        if (!wanted.isEmpty()) {
            parts.add("c.custom_fields @> ?::jsonb");
            args.add(json.writeValueAsString(wanted));
        }
    }

    /** Any counted required field empty; built from the dictionary, so a changed required level counts at once. */
    private String incompleteSql() {
        List<String> missing = new ArrayList<>();
        for (FieldDefinition f : CompletenessRule.counted(dictionary.all())) {
            String column = dictionary.column(f.key());
            missing.add(column != null ? "c." + column + " is null" : "c.custom_fields ->> '" + f.key() + "' is null");
        }
        return missing.isEmpty() ? "false" : String.join(" or ", missing);
    }

    static Set<String> sortable() {
        return SORTABLE.keySet();
    }
}
