package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.Role;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 直接修改权限 — which fields each role may edit without a change request (docs/domain/customer-archive.md), kept as data in
 * {@code customer_edit_permission}; {@code *} means every non-SYSTEM field. A customer manager's rows apply only
 * to their own customers. SYSTEM fields are never directly editable.
 */
@Component
public class EditPermissions {

    public static final String ALL = "*";

    private final JdbcTemplate jdbc;

    EditPermissions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Role → field keys (or {@link #ALL}) as configured. */
    @Transactional(readOnly = true)
    public Map<Role, Set<String>> table() {
        Map<Role, Set<String>> table = new HashMap<>();
        jdbc.query("select role, field_key from customer_edit_permission", rs -> {
            table.computeIfAbsent(Role.valueOf(rs.getString(1)), k -> new TreeSet<>()).add(rs.getString(2));
        });
        return table;
    }

    /** Replaces one role's direct-edit fields. */
    @Transactional
    public void replace(Role role, Set<String> fieldKeys) {
        jdbc.update("delete from customer_edit_permission where role = ?", role.name());
        jdbc.batchUpdate("insert into customer_edit_permission (role, field_key) values (?, ?)",
                fieldKeys.stream().map(k -> new Object[] {role.name(), k}).toList());
    }

    /**
     * 发起修改单 — whether this user may request changes to a customer beyond their direct edits: the business
     * staff who maintain the archive may, the leader (who reads it) and the three administrators (三权分立) may not;
     * nobody for a cancelled customer, which is read-only.
     */
    public static boolean mayRequestChanges(CurrentUser user, String customerStatus) {
        return !"CANCELLED".equals(customerStatus)
                && user.roles().stream().anyMatch(role -> !role.isAdmin() && role != Role.LEADER);
    }

    /** The fields this user may edit directly on a customer with this manager. */
    public Set<String> editableBy(CurrentUser user, String customerManager, List<FieldDefinition> fields) {
        Map<Role, Set<String>> table = table();
        Set<String> granted = new HashSet<>();
        for (Role role : user.roles()) {
            if (role == Role.CUSTOMER_MANAGER && !user.username().equals(customerManager)) {
                continue;
            }
            granted.addAll(table.getOrDefault(role, Set.of()));
        }
        Set<String> editable = new HashSet<>();
        for (FieldDefinition f : fields) {
            if (!f.system() && (granted.contains(ALL) || granted.contains(f.key()))) {
                editable.add(f.key());
            }
        }
        return editable;
    }
}
