/**
 * What other modules may read of the rating module: {@link com.tobacco.retailcrm.rating.api.LawAbiding}, whether a
 * customer is law-abiding by its violation records (emergency-supply eligibility).
 */
@org.springframework.modulith.NamedInterface("api")
package com.tobacco.retailcrm.rating.api;
