/**
 * What other modules may use of classification: {@link com.tobacco.retailcrm.classification.api.PurchaseFigures},
 * the purchases per customer over a date range (for evaluation and reports).
 */
@org.springframework.modulith.NamedInterface("api")
package com.tobacco.retailcrm.classification.api;
