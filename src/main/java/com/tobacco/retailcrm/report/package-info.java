/**
 * 考核与报表 — the distribution system's daily order facts and the figures built on them and on the other modules'
 * APIs (docs/domain/service-and-survey.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer :: api", "security :: api",
        "audit :: api", "org :: api", "service :: api", "complaint :: api", "survey :: api", "maintenance :: api",
        "classification :: api", "workflow :: api", "shared"})
package com.tobacco.retailcrm.report;
