/**
 * Classification's SQL: purchases (set-based upserts, totals) and the runs computed with window functions.
 * Reads the archive only through the customer module's published view {@code customer.api.CustomerFacts}.
 */
package com.tobacco.retailcrm.classification.persistence;
