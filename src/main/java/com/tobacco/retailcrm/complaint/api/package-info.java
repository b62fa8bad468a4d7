/**
 * What other modules may read of complaints: {@link com.tobacco.retailcrm.complaint.api.ComplaintFigures}, a month's
 * complaints counted per customer manager and county (for the indicators and the leaders' dashboard).
 */
@org.springframework.modulith.NamedInterface("api")
package com.tobacco.retailcrm.complaint.api;
