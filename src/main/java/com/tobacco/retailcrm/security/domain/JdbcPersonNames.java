package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.shared.api.PersonNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The users' names for modules that show people but may not depend on this one (the audit log). */
@Component
class JdbcPersonNames implements PersonNames {

    private final JdbcTemplate jdbc;

    JdbcPersonNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        if (usernames.isEmpty()) {
            return names;
        }
        jdbc.query("select username, display_name from app_user where username = any(?)",
                rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                }, (Object) usernames.toArray(String[]::new));
        return names;
    }

    @Override
    public Set<String> usernamesCalled(String text) {
        return new HashSet<>(jdbc.queryForList("select username from app_user where username = ? or display_name = ?",
                String.class, text, text));
    }
}
