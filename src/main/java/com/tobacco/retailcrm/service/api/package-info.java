/**
 * What other modules may read of customer service: {@link com.tobacco.retailcrm.service.api.VisitRecords}, the visits
 * made and due, counted (for the indicators and the customer evaluation).
 */
@org.springframework.modulith.NamedInterface("api")
package com.tobacco.retailcrm.service.api;
