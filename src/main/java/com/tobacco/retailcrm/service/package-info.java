/**
 * 客户服务 — serving retailers: service items with their standards, visits with cycles, week plans and coverage, care
 * (亲情服务) and vulnerable-group service; emergency supply, service suspension and information push live beside them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer :: api", "org :: api",
        "security :: api", "calendar :: api", "workflow :: api", "rating :: api", "audit :: api", "shared"})
package com.tobacco.retailcrm.service;
