package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.customer.api.CustomerFields;
import com.tobacco.retailcrm.customer.api.EnumOption;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.api.FieldGroup;
import com.tobacco.retailcrm.customer.api.FieldType;
import com.tobacco.retailcrm.customer.api.MaintenanceClass;
import com.tobacco.retailcrm.customer.api.RequiredLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 字段字典 — the customer fields as stored in {@code customer_field}, read once and kept until a field changes.
 * Knows which column holds each fixed field; custom fields have none (they live in the jsonb column). A change made
 * through another instance of the application is seen within {@link #RECHECK_NANOS}: the kept fields are compared
 * with a stamp of the table (count and sum of versions) at most that often.
 */
@Component
public class FieldDictionary implements CustomerFields {

    public static final long RECHECK_NANOS = 2_000_000_000L;
    private static final String STAMP = "select count(*) || ':' || coalesce(sum(version), 0) from customer_field";

    private final JdbcTemplate jdbc;
    private volatile Snapshot snapshot;
    private volatile long checkedAt;

    FieldDictionary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The fields as read, with the lists every row read asks for made once (they were made per row). */
    record Snapshot(Map<String, FieldDefinition> byKey, Map<String, String> columns, String stamp,
                    List<FieldDefinition> all, List<FieldDefinition> fixed, List<FieldDefinition> custom) {

        Snapshot(Map<String, FieldDefinition> byKey, Map<String, String> columns, String stamp) {
            this(byKey, columns, stamp, List.copyOf(byKey.values()),
                    byKey.values().stream().filter(f -> !f.custom()).toList(),
                    byKey.values().stream().filter(FieldDefinition::custom).toList());
        }
    }

    @Override
    public List<FieldDefinition> all() {
        return snapshot().all();
    }

    @Override
    public Optional<FieldDefinition> find(String key) {
        return Optional.ofNullable(snapshot().byKey().get(key));
    }

    @Override
    public Optional<FieldDefinition> findByLabel(String label) {
        String l = label == null ? "" : label.strip();
        return snapshot().byKey().values().stream()
                .filter(f -> f.labelZh().equals(l) || f.labelEn().equalsIgnoreCase(l)).findFirst();
    }

    public FieldDefinition require(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("unknown field " + key));
    }

    /** The column of a fixed field, or null for a custom one. */
    public String column(String key) {
        return snapshot().columns().get(key);
    }

    /** Fixed fields only (those with a column), in display order. */
    public List<FieldDefinition> fixed() {
        return snapshot().fixed();
    }

    public List<FieldDefinition> customFields() {
        return snapshot().custom();
    }

    /** Forgets the cached fields after a change, so the next read sees it. */
    public void reload() {
        snapshot = null;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s != null && now - checkedAt > RECHECK_NANOS) {
            checkedAt = now;
            if (!s.stamp().equals(jdbc.queryForObject(STAMP, String.class))) {
                s = null;
            }
        }
        if (s == null) {
            s = load();
            snapshot = s;
            checkedAt = now;
        }
        return s;
    }

    private Snapshot load() {
        String stamp = jdbc.queryForObject(STAMP, String.class);
        Map<String, List<EnumOption>> options = new HashMap<>();
        jdbc.query("select field_key, code, label_zh, label_en from customer_field_option order by field_key, sort_order",
                rs -> {
                    options.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new EnumOption(rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        Map<String, FieldDefinition> byKey = new LinkedHashMap<>();
        Map<String, String> columns = new HashMap<>();
        jdbc.query("select * from customer_field order by sort_order, key", rs -> {
            String key = rs.getString("key");
            byKey.put(key, new FieldDefinition(key, FieldGroup.valueOf(rs.getString("group_code")),
                    rs.getString("label_zh"), rs.getString("label_en"), FieldType.valueOf(rs.getString("type")),
                    rs.getString("format"), (Integer) rs.getObject("max_length"), rs.getBigDecimal("min_value"),
                    rs.getBigDecimal("max_value"), rs.getBoolean("min_exclusive"), (Integer) rs.getObject("scale"),
                    MaintenanceClass.valueOf(rs.getString("maintenance")),
                    RequiredLevel.valueOf(rs.getString("required_level")), rs.getBoolean("sensitive"),
                    rs.getBoolean("custom"), rs.getInt("sort_order"), List.copyOf(options.getOrDefault(key, List.of())),
                    rs.getLong("version")));
            if (rs.getString("column_name") != null) {
                columns.put(key, rs.getString("column_name"));
            }
        });
        return new Snapshot(byKey, columns, stamp);
    }
}
