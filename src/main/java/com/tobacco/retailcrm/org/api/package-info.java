/** What other modules may use of the org module. */
@org.springframework.modulith.NamedInterface("api")
package com.tobacco.retailcrm.org.api;
