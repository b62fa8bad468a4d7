package com.tobacco.retailcrm.shared.api;

import java.util.Collection;
import java.util.Map;

/**
 * 客户名称 — the store name of a customer code, for a module that may not depend on the archive (the audit log names
 * the customer an event concerns: 客户 430100000001 · 张三烟酒店).
 */
public interface CustomerNames {

    /** The store name of each code that is in the archive; unknown codes are left out. */
    Map<String, String> storeNames(Collection<String> customerCodes);
}
