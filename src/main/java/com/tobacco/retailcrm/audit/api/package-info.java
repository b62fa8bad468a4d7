/** What other modules may use of the audit module. */
@org.springframework.modulith.NamedInterface("api")
package com.tobacco.retailcrm.audit.api;
