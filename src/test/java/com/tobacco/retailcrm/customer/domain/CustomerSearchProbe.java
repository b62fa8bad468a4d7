package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.shared.api.PageQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The benchmark's bare-SQL baseline of a search: the very statements {@link CustomerSearch} sends for the query
 * (first page of 20 by code, with the total), in the given data scope, without HTTP, authentication, a transaction,
 * the scope's look-up or JSON. It also shows their plans, as PostgreSQL ran them.
 */
public final class CustomerSearchProbe {

    private final ApplicationContext context;
    private final CustomerSearch search;

    public CustomerSearchProbe(ApplicationContext context) {
        this.context = context;
        this.search = context.getBean(CustomerSearch.class);
    }

    /** The number of customers on the page. */
    public int firstPage(String q, DataScope scope) {
        return firstPage(search, q, scope);
    }

    private static int firstPage(CustomerSearch search, String q, DataScope scope) {
        return search.search(new CustomerQuery(q, null, null, null, null, null, null, Map.of()),
                new PageQuery(0, 20, "customerCode", true), scope).items().size();
    }

    /**
     * The plans of the statements {@link #firstPage} sends, with run times and buffers (EXPLAIN ANALYZE, written by
     * auto_explain as they run, so the plans are those of the very statements, bound parameters included).
     */
    public List<String> plans(String q, DataScope scope) throws SQLException {
        List<String> plans = new ArrayList<>();
        try (Connection con = context.getBean(DataSource.class).getConnection()) {
            try (Statement st = con.createStatement()) {
                st.execute("load 'auto_explain'");
                st.execute("set auto_explain.log_min_duration = 0");
                st.execute("set auto_explain.log_analyze = on");
                st.execute("set auto_explain.log_buffers = on");
                st.execute("set auto_explain.log_level = notice");
            }
            JdbcTemplate explained = new JdbcTemplate(new SingleConnectionDataSource(con, true)) {
                @Override
                protected void handleWarnings(Statement statement) throws SQLException {
                    for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                        plans.add(w.getMessage());
                    }
                }
            };
            firstPage(new CustomerSearch(explained, context.getBean(FieldDictionary.class),
                    context.getBean(CustomerStore.class), context.getBean(SensitiveDataCipher.class),
                    context.getBean(OrgDirectory.class)), q, scope);
            try (Statement st = con.createStatement()) {
                st.execute("reset all");
            }
        }
        return plans;
    }
}
