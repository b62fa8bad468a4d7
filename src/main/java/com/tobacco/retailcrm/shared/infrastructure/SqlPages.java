package com.tobacco.retailcrm.shared.infrastructure;

import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * One page of a hand-written list query: the count of every match and the page's rows, read with the same filter.
 * The SQL fragments are fixed text of the caller (never user input); values travel as arguments.
 */
public final class SqlPages {

    private SqlPages() {
    }

    /**
     * @param select  the select list, e.g. {@code select *}
     * @param from    {@code from … where …}, with {@code ?} for {@code args}
     * @param orderBy the order, ending with a unique column so pages neither overlap nor skip rows
     */
    public static <T> PageResponse<T> page(JdbcTemplate jdbc, String select, String from, String orderBy,
                                           List<?> args, RowMapper<T> mapper, PageQuery page) {
        Long total = jdbc.queryForObject("select count(*) " + from, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<T> items = jdbc.query(select + " " + from + " order by " + orderBy + " limit ? offset ?", mapper,
                pageArgs.toArray());
        return new PageResponse<>(items, total == null ? 0 : total, page.page(), page.size());
    }
}
