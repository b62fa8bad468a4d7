package com.tobacco.retailcrm.customer.api;

import java.util.Optional;

/**
 * A tab another module adds to the customer page (e.g. the notices a customer was sent), its content fetched with htmx
 * from {@link Tab#url()} when the page opens. A bean per contributing module; asked after the caller's access to the
 * customer was checked, it answers empty when the tab is not for this user.
 */
public interface CustomerPageTab {

    Optional<Tab> tab(String customerCode);

    /** @param id for the page's element ids ({@code tab-<id>}); @param title already in the reader's language */
    record Tab(String id, String title, String icon, String url) {
    }
}
