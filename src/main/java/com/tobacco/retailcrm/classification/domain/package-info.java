/**
 * Classification rules: what a valid purchase order is, periods, tiers' shares, and the services receiving
 * purchases and running, applying and reporting classification runs.
 */
package com.tobacco.retailcrm.classification.domain;
