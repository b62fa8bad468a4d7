/**
 * 新入网 — the seven-step onboarding case of a new retailer: the steps' fields, the archive record it creates and
 * completes, its API and pages.
 */
package com.tobacco.retailcrm.maintenance.onboarding;
