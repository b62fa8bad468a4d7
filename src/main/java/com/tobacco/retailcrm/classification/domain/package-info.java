/**
 * Classification rules: what a valid purchase order is, periods, the scale shares and the tiers' shares; free of
 * storage and HTTP (the use cases are in the service package).
 */
package com.tobacco.retailcrm.classification.domain;
