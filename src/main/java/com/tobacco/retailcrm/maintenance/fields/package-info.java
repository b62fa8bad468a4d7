/**
 * How the maintenance cases show their data on the engine's case page: archive fields by the field dictionary.
 */
package com.tobacco.retailcrm.maintenance.fields;
