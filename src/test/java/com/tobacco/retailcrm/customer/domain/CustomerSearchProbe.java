package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.customer.api.CustomerQuery;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.shared.api.PageQuery;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * The benchmark's bare-SQL baseline of a search: the very statements {@link CustomerSearch} sends for the query
 * (first page of 20 by code, with the total), in the given data scope, without HTTP, authentication, a transaction,
 * the scope's look-up or JSON.
 */
public final class CustomerSearchProbe {

    private final CustomerSearch search;

    public CustomerSearchProbe(ApplicationContext context) {
        this.search = context.getBean(CustomerSearch.class);
    }

    /** The number of customers on the page. */
    public int firstPage(String q, DataScope scope) {
        return search.search(new CustomerQuery(q, null, null, null, null, null, null, Map.of()),
                new PageQuery(0, 20, "customerCode", true), scope).items().size();
    }
}
