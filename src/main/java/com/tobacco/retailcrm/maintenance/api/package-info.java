/**
 * What other modules may read of archive upkeep: {@link com.tobacco.retailcrm.maintenance.api.ChangeFigures}, the
 * change requests finished in a month and how many on time, per customer manager and county.
 */
@org.springframework.modulith.NamedInterface("api")
package com.tobacco.retailcrm.maintenance.api;
