package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.customer.api.EnumOption;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.api.RequiredLevel;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * MARKET_DEPT's upkeep of the dictionary without code: a field's required level, optional custom fields
 * (text/number/date/enum), and the direct-edit permission table.
 */
@Service
public class FieldAdministration {

    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]{1,39}");
    private static final Pattern OPTION_CODE = Pattern.compile("[A-Za-z0-9_]{1,32}");
    private static final Map<String, String> CUSTOM_TYPES = Map.of("TEXT", "TEXT", "NUMBER", "DECIMAL",
            "DECIMAL", "DECIMAL", "DATE", "DATE", "ENUM", "ENUM");

    private final JdbcTemplate jdbc;
    private final FieldDictionary dictionary;
    private final EditPermissions permissions;
    private final AuditLog audit;

    FieldAdministration(JdbcTemplate jdbc, FieldDictionary dictionary, EditPermissions permissions, AuditLog audit) {
        this.jdbc = jdbc;
        this.dictionary = dictionary;
        this.permissions = permissions;
        this.audit = audit;
    }

    /** A new custom field as MARKET_DEPT describes it. */
    public record CustomFieldCommand(String key, String labelZh, String labelEn, String type, Integer maxLength,
                                     List<EnumOption> options, RequiredLevel requiredLevel) {
    }

    @Transactional
    public FieldDefinition changeRequiredLevel(String key, RequiredLevel level, Long version) {
        FieldDefinition f = dictionary.find(key).orElseThrow(() -> new NotFoundException("customer.field.error.notFound", key));
        if (level == null) {
            throw new InvalidInputException("requiredLevel", "{customer.field.error.requiredLevel}");
        }
        if (version == null) {
            throw new InvalidInputException("version", "{customer.error.version}");
        }
        if (f.system()) {
            throw new InvalidInputException("requiredLevel", "{customer.field.error.systemLevel}");
        }
        int updated = jdbc.update("update customer_field set required_level = ?, version = version + 1 where key = ? and version = ?",
                level.name(), key, version);
        if (updated != 1) {
            throw new ConflictException("version", "error.version.stale");
        }
        dictionary.reload();
        audit.record(AuditEntry.of("CUSTOMER_FIELD_CHANGED", "CUSTOMER_FIELD", key)
                .detail("requiredLevel " + f.requiredLevel() + " -> " + level));
        return dictionary.require(key);
    }

    @Transactional
    public FieldDefinition addCustomField(CustomFieldCommand cmd) {
        List<FieldProblem> problems = new ArrayList<>();
        String key = cmd.key() == null ? "" : cmd.key().strip();
        if (!KEY.matcher(key).matches()) {
            problems.add(new FieldProblem("key", "{customer.field.error.key}"));
        }
        if (blankOrLong(cmd.labelZh())) {
            problems.add(new FieldProblem("labelZh", "{customer.field.error.label}"));
        }
        if (cmd.labelEn() != null && cmd.labelEn().strip().length() > 80) {
            problems.add(new FieldProblem("labelEn", "{customer.field.error.label}"));
        }
        String type = cmd.type() == null ? null : CUSTOM_TYPES.get(cmd.type().strip().toUpperCase(Locale.ROOT));
        if (type == null) {
            problems.add(new FieldProblem("type", "{customer.field.error.type}"));
        }
        List<EnumOption> options = cmd.options() == null ? List.of() : cmd.options();
        if ("ENUM".equals(type) && !optionsValid(options)) {
            problems.add(new FieldProblem("options", "{customer.field.error.options}"));
        }
        if (cmd.maxLength() != null && (cmd.maxLength() < 1 || cmd.maxLength() > 1000)) {
            problems.add(new FieldProblem("maxLength", "{customer.error.range.max}"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (dictionary.find(key).isPresent()) {
            throw new ConflictException("key", "customer.field.error.duplicate", key);
        }
        String labelZh = cmd.labelZh().strip();
        String labelEn = cmd.labelEn() == null || cmd.labelEn().isBlank() ? labelZh : cmd.labelEn().strip();
        RequiredLevel level = cmd.requiredLevel() == null ? RequiredLevel.OPTIONAL : cmd.requiredLevel();
        Integer sort = jdbc.queryForObject("select coalesce(max(sort_order), 0) + 10 from customer_field", Integer.class);
        jdbc.update("insert into customer_field (key, group_code, label_zh, label_en, type, max_length, scale, maintenance, "
                        + "required_level, default_required_level, sensitive, custom, column_name, sort_order) "
                        + "values (?, 'CUSTOM', ?, ?, ?, ?, ?, 'STATIC', ?, 'OPTIONAL', false, true, null, ?)",
                key, labelZh, labelEn, type, "TEXT".equals(type) ? (cmd.maxLength() == null ? 200 : cmd.maxLength()) : null,
                "DECIMAL".equals(type) ? 2 : null, level.name(), sort);
        for (int i = 0; i < options.size(); i++) {
            EnumOption o = options.get(i);
            jdbc.update("insert into customer_field_option (field_key, code, label_zh, label_en, sort_order) values (?, ?, ?, ?, ?)",
                    key, o.code().strip(), o.labelZh().strip(),
                    o.labelEn() == null || o.labelEn().isBlank() ? o.labelZh().strip() : o.labelEn().strip(), i + 1);
        }
        dictionary.reload();
        audit.record(AuditEntry.of("CUSTOMER_FIELD_ADDED", "CUSTOMER_FIELD", key).detail(type + " " + labelZh));
        return dictionary.require(key);
    }

    /** Replaces a role's direct-edit fields; each must be a known non-SYSTEM field, or {@code *}. */
    @Transactional
    public Map<Role, Set<String>> replacePermissions(Role role, Set<String> fields) {
        if (role == null) {
            throw new InvalidInputException("role", "{customer.field.error.role}");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String key : fields) {
            boolean ok = EditPermissions.ALL.equals(key) || dictionary.find(key).filter(f -> !f.system()).isPresent();
            if (!ok) {
                problems.add(new FieldProblem("fields", key));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        permissions.replace(role, new HashSet<>(fields));
        audit.record(AuditEntry.of("CUSTOMER_EDIT_PERMISSIONS_CHANGED", "ROLE", role.name())
                .detail(String.join(",", fields)));
        return permissions.table();
    }

    private static boolean optionsValid(List<EnumOption> options) {
        Set<String> codes = new HashSet<>();
        for (EnumOption o : options) {
            if (o == null || o.code() == null || !OPTION_CODE.matcher(o.code().strip()).matches()
                    || blankOrLong(o.labelZh()) || !codes.add(o.code().strip())) {
                return false;
            }
        }
        return !options.isEmpty();
    }

    private static boolean blankOrLong(String s) {
        return s == null || s.isBlank() || s.strip().length() > 50;
    }

}
