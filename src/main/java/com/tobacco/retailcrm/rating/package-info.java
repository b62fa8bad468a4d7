/**
 * 诚信与评价 — violations (违规记录) and the law-abiding status they give, integrity ratings (诚信等级) with public
 * notice and appeals, inspection frequency by grade, and the five-dimension customer evaluation (客户评价).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit :: api", "calendar :: api", "classification :: api",
        "customer :: api", "org :: api", "security :: api", "workflow :: api", "shared"})
package com.tobacco.retailcrm.rating;
