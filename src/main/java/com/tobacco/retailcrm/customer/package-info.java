/**
 * 客户档案 — the archive of licensed retailers: the configurable field dictionary, validation, completeness,
 * direct-edit permissions, the change history (修改台账), encryption and masking of personal data, and search.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit :: api", "calendar :: api",
        "org :: api", "security :: api", "shared"})
package com.tobacco.retailcrm.customer;
