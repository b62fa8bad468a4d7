/**
 * The classification's use cases: receiving purchase orders, the monthly runs with their adjustments, and the demo
 * purchases; they read and write through the persistence package and apply the rules of the domain package.
 */
package com.tobacco.retailcrm.classification.service;
