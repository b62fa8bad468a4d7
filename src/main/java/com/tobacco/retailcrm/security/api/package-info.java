/** What other modules may use of the security module. */
@org.springframework.modulith.NamedInterface("api")
package com.tobacco.retailcrm.security.api;
