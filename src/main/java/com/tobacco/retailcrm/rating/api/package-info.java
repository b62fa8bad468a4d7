/**
 * What other modules may read of the rating module: {@link com.tobacco.retailcrm.rating.api.LawAbiding}, whether a
 * customer is law-abiding by its violation records (emergency-supply eligibility); and the narrow port
 * {@link com.tobacco.retailcrm.rating.api.CooperationFacts} through which service, survey and complaint tell the
 * evaluation's cooperation dimension what they count per customer.
 */
@org.springframework.modulith.NamedInterface("api")
package com.tobacco.retailcrm.rating.api;
