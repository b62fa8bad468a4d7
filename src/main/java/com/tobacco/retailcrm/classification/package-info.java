/**
 * 客户分类 — purchases from the distribution system, the monthly/quarterly scale runs (20/60/20 per format, in SQL),
 * class codes and tiers (档位), and the monthly 零售客户类别调整情况表.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit :: api", "customer :: api", "org :: api",
        "security :: api", "shared"})
package com.tobacco.retailcrm.classification;
