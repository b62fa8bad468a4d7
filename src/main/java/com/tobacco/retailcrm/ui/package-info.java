/**
 * The web shell every page lives in: the layout (sidebar menu by role, top bar, language switch), the home page
 * (工作台), the error page and the helpers page templates share (paging links). It owns no data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "UI shell", allowedDependencies = {"org :: api",
        "security :: api", "shared"})
package com.tobacco.retailcrm.ui;
