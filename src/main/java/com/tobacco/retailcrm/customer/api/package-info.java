/**
 * What other modules may use of the customer archive: {@link com.tobacco.retailcrm.customer.api.CustomerArchive}
 * to read customers and apply changes with a source, and {@link com.tobacco.retailcrm.customer.api.CustomerFields}
 * for the field dictionary, and {@link com.tobacco.retailcrm.customer.api.SensitiveValues} to keep a personal value
 * sealed outside the archive.
 */
@org.springframework.modulith.NamedInterface("api")
package com.tobacco.retailcrm.customer.api;
