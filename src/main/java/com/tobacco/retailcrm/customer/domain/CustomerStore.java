package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.api.FieldType;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes customers with plain SQL, column by column as the dictionary says: sensitive values are
 * encrypted on the way in and decrypted on the way out, phones get their keyed hash, the store name its pinyin
 * initials, and custom fields go to the jsonb column as canonical text.
 */
@Component
class CustomerStore {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final FieldDictionary dictionary;
    private final SensitiveDataCipher cipher;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> columnTypes = new java.util.concurrent.ConcurrentHashMap<>();

    CustomerStore(JdbcTemplate jdbc, DataSource dataSource, FieldDictionary dictionary, SensitiveDataCipher cipher) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.dictionary = dictionary;
        this.cipher = cipher;
    }

    Optional<Customer> find(String code, boolean lock) {
        return jdbc.query("select * from customer where customer_code = ?" + (lock ? " for update" : ""), mapper(), code)
                .stream().findFirst();
    }

    List<Customer> findAll(java.util.Collection<String> codes) {
        return jdbc.query("select * from customer where customer_code = any(?)", mapper(),
                (Object) codes.toArray(String[]::new));
    }

    boolean existsCode(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from customer where customer_code = ?)",
                Boolean.class, code));
    }

    java.util.Set<String> existingCodes(java.util.Collection<String> codes) {
        return new java.util.HashSet<>(jdbc.queryForList("select customer_code from customer where customer_code = any(?)",
                String.class, (Object) codes.toArray(String[]::new)));
    }

    boolean existsLicence(String licenceNo) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from customer where licence_no = ?)",
                Boolean.class, licenceNo));
    }

    /** Inserts a new customer and returns its id. */
    long insert(Customer c, Instant now, String by) {
        List<String> columns = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        columns.add("county_org_unit_id");
        args.add(c.countyOrgUnitId());
        addColumns(c, dictionary.fixed().stream().map(FieldDefinition::key).toList(), columns, args);
        columns.add("custom_fields");
        args.add(customJson(c));
        columns.addAll(List.of("created_at", "updated_at", "created_by"));
        args.addAll(List.of(Timestamp.from(now), Timestamp.from(now), by));
        String placeholders = String.join(", ", columns.stream()
                .map(col -> col.equals("custom_fields") ? "?::jsonb" : "?").toList());
        return jdbc.queryForObject("insert into customer (" + String.join(", ", columns) + ") values (" + placeholders
                + ") returning id", Long.class, args.toArray());
    }

    /**
     * Inserts many new customers with one COPY, without history and with ids from the sequence: the demo data.
     * COPY spares binding some seventy parameters per row and fires the statement triggers once per batch.
     * Runs on the caller's transaction's connection, so it commits or rolls back with the rest.
     */
    void insertBatch(List<Customer> customers, Instant now, String by) {
        if (customers.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(customers.size() * 600);
        String at = copyText(now);
        customers.forEach(c -> text.append(copyLine(c, null, at, by, Map.of())));
        copyIn("customer (" + String.join(", ", copyColumns(false)) + ")", text);
    }

    /**
     * Ids for {@code n} new customers, taken from the table's sequence ahead of the insert, so that a bulk import
     * can render its customers and their history before it opens the transaction that writes them. An id whose
     * customer is then refused is simply never used, as with any rolled-back insert.
     */
    List<Long> reserveIds(int n) {
        if (n == 0) {
            return List.of();
        }
        return jdbc.queryForList("select nextval(pg_get_serial_sequence('customer', 'id')) from generate_series(1, ?)",
                Long.class, n);
    }

    /** The field of a creation stored as one history row (V255); its entries are read from customer_history_entry. */
    static final String CREATION_IN_ONE_ROW = "*";

    /**
     * A new customer (with its reserved id) and its 修改台账 rendered for {@link #copyNew}: one COPY line for the
     * customer and ONE history line holding every value it is created with (V255: fields and values as two arrays,
     * read back as one entry per field), sensitive values as ciphertext. A sensitive value is encrypted once, for the
     * column and the history alike. All the per-row work of a bulk creation (encryption, keyed hashes, pinyin)
     * happens here, so it can run while the previous batch is being written.
     */
    RenderedCustomer render(Customer c, long id, String at, String who, String source) {
        Map<String, String> sealed = new HashMap<>();
        StringBuilder fields = new StringBuilder(c.values().size() * 16).append('{');
        StringBuilder values = new StringBuilder(c.values().size() * 40).append('{');
        c.values().forEach((key, value) -> {
            String text = FieldValues.format(value);
            if (text != null && sensitive(key)) {
                text = cipher.encrypt(text);
                sealed.put(key, text);
            }
            arrayElement(fields, key);
            arrayElement(values, text);
        });
        String history = id + "\t" + copyText(c.code()) + "\t" + CREATION_IN_ONE_ROW + "\t\\N\t\\N\t" + copyText(who) + "\t"
                + at + "\t" + copyText(source) + "\t" + copyText(fields.append('}')) + "\t"
                + copyText(values.append('}')) + "\n";
        return new RenderedCustomer(copyLine(c, id, at, who, sealed).getBytes(StandardCharsets.UTF_8),
                history.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends a value as an element of a PostgreSQL array literal: quoted, NULL for null. */
    private static void arrayElement(StringBuilder array, String value) {
        if (array.length() > 1) {
            array.append(',');
        }
        if (value == null) {
            array.append("NULL");
            return;
        }
        array.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"' || ch == '\\') {
                array.append('\\');
            }
            array.append(ch);
        }
        array.append('"');
    }

    /**
     * A customer and its creation history as COPY text, see {@link #render}, already in the connection's encoding
     * (UTF-8): the writer streams them to the server as they are, instead of joining a chunk's text and encoding it
     * once more (which made most of the import's garbage).
     */
    record RenderedCustomer(byte[] line, byte[] history) {
    }

    /**
     * Inserts rendered customers with one COPY and their creation history (one row each) with another. Runs on the
     * caller's transaction's connection, so it commits or rolls back with the rest.
     */
    void copyNew(List<RenderedCustomer> customers) {
        if (customers.isEmpty()) {
            return;
        }
        copyIn("customer (" + String.join(", ", copyColumns(true)) + ")",
                customers.stream().map(RenderedCustomer::line).toList());
        copyIn("customer_history (customer_id, customer_code, field, old_value, new_value, changed_by, changed_at, "
                + "source, created_fields, created_values)", customers.stream().map(RenderedCustomer::history).toList());
    }

    /** The columns of {@link #copyLine}, in its order. */
    private List<String> copyColumns(boolean withId) {
        List<String> columns = new ArrayList<>();
        if (withId) {
            columns.add("id");
        }
        columns.add("county_org_unit_id");
        for (FieldDefinition f : dictionary.fixed()) {
            columns.add(dictionary.column(f.key()));
            if (f.type() == FieldType.PHONE) {
                columns.add(dictionary.column(f.key()) + "_hash");
                columns.add(dictionary.column(f.key()) + "_tail_hash");
                columns.add(dictionary.column(f.key()) + "_local_hash");
            }
            if (f.key().equals("storeName")) {
                columns.add("store_name_initials");
            }
        }
        columns.addAll(List.of("created_at", "updated_at", "created_by"));
        return columns;
    }

    /**
     * One customer as a line of COPY text in the order of {@link #copyColumns}; {@code sealed} holds ciphertexts
     * of its sensitive values already made (key to ciphertext), the others are encrypted here.
     */
    private String copyLine(Customer c, Long id, String at, String by, Map<String, String> sealed) {
        List<String> columns = new ArrayList<>(); // named once for all rows by copyColumns
        List<Object> args = new ArrayList<>();
        if (id != null) {
            args.add(id);
        }
        args.add(c.countyOrgUnitId());
        for (FieldDefinition f : dictionary.fixed()) {
            args.addAll(valuesOf(c, f.key(), sealed.get(f.key())));
        }
        args.addAll(List.of(at, at, by));
        StringBuilder line = new StringBuilder(600);
        for (int i = 0; i < args.size(); i++) {
            line.append(i == 0 ? "" : "\t").append(copyText(args.get(i)));
        }
        return line.append('\n').toString();
    }

    /** COPY of rows in text format into {@code table (columns)}, on the caller's transaction's connection. */
    private void copyIn(String tableAndColumns, CharSequence rows) {
        copyIn(tableAndColumns, List.of(rows.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** COPY of rows already encoded as UTF-8 COPY text, streamed piece by piece. */
    private void copyIn(String tableAndColumns, List<byte[]> pieces) {
        Connection con = DataSourceUtils.getConnection(dataSource);
        CopyIn copy = null;
        try {
            copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + tableAndColumns + " from stdin");
            for (byte[] piece : pieces) {
                copy.writeToCopy(piece, 0, piece.length);
            }
            copy.endCopy();
        } catch (SQLException e) {
            cancel(copy);
            throw new DataIntegrityViolationException("bulk insert refused: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    /** Ends a COPY that failed half-way, so that the connection can report the error and roll back. */
    private static void cancel(CopyIn copy) {
        try {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the COPY's own error is the one to report; the transaction is rolled back either way
        }
    }

    /** A value in COPY's text format: \N for null, backslash escapes for the characters the format uses. */
    static String copyText(Object value) {
        if (value == null) {
            return "\\N";
        }
        String text = value instanceof BigDecimal d ? d.toPlainString()
                : value instanceof Boolean b ? (b ? "t" : "f") : value.toString();
        if (!needsEscape(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                return true;
            }
        }
        return false;
    }

    long count() {
        Long n = jdbc.queryForObject("select count(*) from customer", Long.class);
        return n == null ? 0 : n;
    }

    /** Writes the changed fields if the version is still the one read; false when someone else was first. */
    boolean update(Customer c, Collection<String> changedKeys, Instant now) {
        List<String> columns = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        List<String> fixedKeys = changedKeys.stream().filter(k -> dictionary.column(k) != null).toList();
        addColumns(c, fixedKeys, columns, args);
        if (fixedKeys.size() < changedKeys.size()) {
            columns.add("custom_fields");
            args.add(customJson(c));
        }
        String sets = String.join(", ", columns.stream()
                .map(col -> col + (col.equals("custom_fields") ? " = ?::jsonb" : " = ?")).toList());
        args.addAll(List.of(Timestamp.from(now), c.id(), c.version()));
        return jdbc.update("update customer set " + sets + ", updated_at = ?, version = version + 1 where id = ? and version = ?",
                args.toArray()) == 1;
    }

    /**
     * The customers of these codes, locked for update in one statement, in the order of their ids: two transactions
     * locking overlapping sets this way wait for each other instead of deadlocking.
     */
    List<Customer> lockAll(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select * from customer where customer_code = any(?) order by id for update", mapper(),
                (Object) codes.toArray(String[]::new));
    }

    /** A customer to write with {@link #updateAll}: as changed, the fields changed and the version it was read at. */
    record ChangedCustomer(Customer customer, Set<String> changedKeys, long readVersion, Instant changedAt) {
    }

    /**
     * Writes the changed fields of many customers with one statement (an UPDATE from arrays, one per column, so it
     * binds a few dozen parameters whatever the number of customers and fires the statement triggers once): each
     * customer's columns it did not change keep their stored value (a sensitive one its ciphertext), its version
     * becomes the one given if it is still the one read.
     *
     * @return how many customers were written: fewer than given when someone else changed one first
     */
    int updateAll(List<ChangedCustomer> changed) {
        if (changed.isEmpty()) {
            return 0;
        }
        Set<String> keys = new java.util.LinkedHashSet<>();
        changed.forEach(c -> keys.addAll(c.changedKeys()));
        List<String> fixedKeys = keys.stream().filter(k -> dictionary.column(k) != null).toList();
        boolean custom = fixedKeys.size() < keys.size();
        int n = changed.size();
        List<String> sets = new ArrayList<>();
        List<String> arrays = new ArrayList<>(List.of("id", "read_version", "new_version", "changed_at"));
        List<Object> args = new ArrayList<>();
        Long[] ids = new Long[n];
        Long[] readVersions = new Long[n];
        Long[] newVersions = new Long[n];
        String[] changedAt = new String[n];
        InstantTexts times = new InstantTexts();
        for (int i = 0; i < n; i++) {
            ChangedCustomer c = changed.get(i);
            ids[i] = c.customer().id();
            readVersions[i] = c.readVersion();
            newVersions[i] = c.customer().version();
            changedAt[i] = times.of(c.changedAt());
        }
        args.addAll(List.of(ids, readVersions, newVersions, changedAt));
        List<String> types = new ArrayList<>(List.of("bigint[]", "bigint[]", "bigint[]", "timestamptz[]"));
        for (String key : fixedKeys) {
            List<String> columns = columnsOf(key);
            String[][] values = new String[columns.size()][n];
            Boolean[] set = new Boolean[n];
            for (int i = 0; i < n; i++) {
                ChangedCustomer c = changed.get(i);
                set[i] = c.changedKeys().contains(key);
                if (set[i]) {
                    List<Object> v = valuesOf(c.customer(), key);
                    for (int j = 0; j < columns.size(); j++) {
                        values[j][i] = arrayText(v.get(j));
                    }
                }
            }
            String flag = "set_" + arrays.size();
            arrays.add(flag);
            args.add(set);
            types.add("boolean[]");
            for (int j = 0; j < columns.size(); j++) {
                String value = "v_" + arrays.size();
                arrays.add(value);
                args.add(values[j]);
                types.add("text[]");
                sets.add(columns.get(j) + " = case when s." + flag + " then s." + value + "::" + columnType(columns.get(j))
                        + " else c." + columns.get(j) + " end");
            }
        }
        if (custom) {
            String[] json = new String[n];
            Boolean[] set = new Boolean[n];
            for (int i = 0; i < n; i++) {
                ChangedCustomer c = changed.get(i);
                set[i] = c.changedKeys().stream().anyMatch(k -> dictionary.column(k) == null);
                json[i] = set[i] ? customJson(c.customer()) : null;
            }
            arrays.addAll(List.of("set_custom", "custom"));
            args.addAll(List.of(set, json));
            types.addAll(List.of("boolean[]", "text[]"));
            sets.add("custom_fields = case when s.set_custom then s.custom::jsonb else c.custom_fields end");
        }
        String unnest = String.join(", ", types.stream().map(t -> "?::" + t).toList());
        return jdbc.update("update customer c set " + String.join(", ", sets) + (sets.isEmpty() ? "" : ", ")
                + "updated_at = s.changed_at, version = s.new_version from unnest(" + unnest + ") as s("
                + String.join(", ", arrays) + ") where c.id = s.id and c.version = s.read_version", args.toArray());
    }

    /** A value as the text of an element of a text array, cast to its column's type in SQL. */
    private static String arrayText(Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    /** The SQL type of a customer column without its length or precision (a too long value is refused, not cut). */
    private String columnType(String column) {
        // the type's own name: format_type would call char(64) "character", which as a cast means char(1)
        return columnTypes.computeIfAbsent(column, col -> jdbc.queryForObject("""
                select t.typname from pg_attribute a join pg_type t on t.oid = a.atttypid
                where a.attrelid = 'customer'::regclass and a.attname = ? and not a.attisdropped""", String.class, col));
    }

    /**
     * Inserts history rows with one COPY (a bulk change writes a few per customer; binding them row by row cost more
     * than the change), sensitive values encrypted as {@link #history} does. On the caller's transaction.
     */
    void copyHistory(List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(entries.size() * 160);
        InstantTexts times = new InstantTexts();
        for (HistoryEntry e : entries) {
            text.append(e.customerId()).append('\t').append(copyText(e.customerCode())).append('\t')
                    .append(copyText(e.field())).append('\t').append(copyText(protect(e.field(), e.oldValue())))
                    .append('\t').append(copyText(protect(e.field(), e.newValue()))).append('\t')
                    .append(copyText(e.changedBy())).append('\t').append(times.of(e.changedAt())).append('\t')
                    .append(copyText(e.source())).append('\t').append(copyText(e.reason())).append('\n');
        }
        copyIn("customer_history (customer_id, customer_code, field, old_value, new_value, changed_by, changed_at, "
                + "source, reason)", text);
    }

    /**
     * Instants as text, the last one remembered: the rows of a bulk write share one instant, formatted once instead of
     * per row (ISO formatting was among the import's largest compilations). Not shared between threads.
     */
    private static final class InstantTexts {
        private Instant last;
        private String text;

        String of(Instant at) {
            if (!at.equals(last)) {
                last = at;
                text = at.toString();
            }
            return text;
        }
    }

    void history(List<HistoryEntry> entries) {
        jdbc.batchUpdate("insert into customer_history (customer_id, customer_code, field, old_value, new_value, "
                        + "changed_by, changed_at, source, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries.stream().map(e -> new Object[] {e.customerId(), e.customerCode(), e.field(),
                        protect(e.field(), e.oldValue()), protect(e.field(), e.newValue()), e.changedBy(),
                        Timestamp.from(e.changedAt()), e.source(), e.reason()}).toList());
    }

    /**
     * History of a customer, newest first, sensitive values decrypted (the caller masks them): one entry per field,
     * whether a creation is stored as a row per field or as one row (V255's view expands it).
     */
    List<HistoryEntry> historyOf(long customerId) {
        return jdbc.query("select * from customer_history_entry where customer_id = ?"
                        + " order by changed_at desc, id desc, position desc",
                (rs, i) -> new HistoryEntry(rs.getLong("customer_id"), rs.getString("customer_code"),
                        rs.getString("field"), reveal(rs.getString("field"), rs.getString("old_value")),
                        reveal(rs.getString("field"), rs.getString("new_value")), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant(), rs.getString("source"), rs.getString("reason")),
                customerId);
    }

    /** One row of the 修改台账. Values are canonical text in clear; sensitive ones are encrypted when stored. */
    record HistoryEntry(long customerId, String customerCode, String field, String oldValue, String newValue,
                        String changedBy, Instant changedAt, String source, String reason) {
    }

    RowMapper<Customer> mapper() {
        return (rs, i) -> read(rs);
    }

    private Customer read(ResultSet rs) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldDefinition f : dictionary.fixed()) {
            Object v = readColumn(rs, f, dictionary.column(f.key()));
            if (v != null) {
                values.put(f.key(), v);
            }
        }
        List<FieldDefinition> customFields = dictionary.customFields();
        String customJson = customFields.isEmpty() ? null : rs.getString("custom_fields");
        // most customers have no custom value, and parsing JSON was a tenth of reading a row
        Map<String, String> custom = customJson == null || customJson.equals("{}") ? Map.of()
                : json.readValue(customJson, STRING_MAP);
        List<Violation> ignored = new ArrayList<>();
        for (FieldDefinition f : customFields) {
            Object v = FieldValues.parse(f, custom.get(f.key()), ignored);
            if (v != null) {
                values.put(f.key(), v);
            }
        }
        return new Customer(rs.getLong("id"), rs.getLong("county_org_unit_id"), rs.getLong("version"), values);
    }

    private Object readColumn(ResultSet rs, FieldDefinition f, String column) throws SQLException {
        if (f.sensitive()) {
            String clear = cipher.decrypt(rs.getString(column));
            return clear == null ? null : FieldValues.parse(f, clear, new ArrayList<>());
        }
        return switch (f.type()) {
            case DATE -> rs.getObject(column, LocalDate.class);
            case DECIMAL -> rs.getBigDecimal(column);
            case INTEGER -> (Integer) rs.getObject(column);
            case BOOLEAN -> (Boolean) rs.getObject(column);
            default -> rs.getString(column);
        };
    }

    private void addColumns(Customer c, List<String> keys, List<String> columns, List<Object> args) {
        for (String key : keys) {
            columns.addAll(columnsOf(key));
            args.addAll(valuesOf(c, key));
        }
    }

    /** The columns a fixed field is stored in: its own, and those derived from it (phone hashes, pinyin initials). */
    private List<String> columnsOf(String key) {
        FieldDefinition f = dictionary.require(key);
        String column = dictionary.column(key);
        if (f.type() == FieldType.PHONE) {
            return List.of(column, column + "_hash", column + "_tail_hash", column + "_local_hash");
        }
        return key.equals("storeName") ? List.of(column, "store_name_initials") : List.of(column);
    }

    /** The values of {@link #columnsOf} for this customer: sensitive ones encrypted, derived ones computed. */
    private List<Object> valuesOf(Customer c, String key) {
        return valuesOf(c, key, null);
    }

    /** {@link #valuesOf(Customer, String)} with the sensitive value's ciphertext when already made (else null). */
    private List<Object> valuesOf(Customer c, String key, String sealed) {
        FieldDefinition f = dictionary.require(key);
        Object value = c.get(key);
        Object stored = !f.sensitive() ? value : sealed != null ? sealed : cipher.encrypt(FieldValues.format(value));
        if (f.type() == FieldType.PHONE) {
            String phone = (String) value;
            return java.util.Arrays.asList(stored, cipher.phoneHash(phone), cipher.phoneTailHash(phone),
                    cipher.phoneLocalHash(phone));
        }
        return key.equals("storeName") ? java.util.Arrays.asList(stored, StoreNameInitials.of((String) value))
                : java.util.Collections.singletonList(stored);
    }

    private String customJson(Customer c) {
        Map<String, String> custom = new LinkedHashMap<>();
        dictionary.customFields().forEach(f -> {
            if (c.get(f.key()) != null) {
                custom.put(f.key(), FieldValues.format(c.get(f.key())));
            }
        });
        return json.writeValueAsString(custom);
    }

    private String protect(String field, String value) {
        return value != null && sensitive(field) ? cipher.encrypt(value) : value;
    }

    private String reveal(String field, String value) {
        return value != null && sensitive(field) ? cipher.decrypt(value) : value;
    }

    /** A field the history keeps as ciphertext (a key the dictionary does not know, such as V255's '*', is not). */
    private boolean sensitive(String field) {
        return dictionary.find(field).map(FieldDefinition::sensitive).orElse(false);
    }
}
