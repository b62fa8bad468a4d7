/**
 * 组织机构 — the company's organisation tree: company, departments, county marketing departments and areas.
 * Other modules ask {@link com.tobacco.retailcrm.org.api.OrgDirectory} for units, subtrees and counties.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit :: api", "security :: api", "shared"})
package com.tobacco.retailcrm.org;
