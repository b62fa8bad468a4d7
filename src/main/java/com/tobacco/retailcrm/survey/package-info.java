/**
 * 满意度测评 — questionnaires kept as versions, campaigns with a stratified random sample of ACTIVE retailers, answers
 * by phone agents or through a one-time link, and the satisfaction index by question, dimension, county, manager and
 * stratum (docs/domain/service-and-survey.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer :: api", "org :: api",
        "security :: api", "audit :: api", "rating :: api", "shared"})
package com.tobacco.retailcrm.survey;
