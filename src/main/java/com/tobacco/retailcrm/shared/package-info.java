/**
 * Shared kernel: error model (problem+json), paging, clock and the embedded PostgreSQL that every module runs on.
 * Open to all modules; it depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.tobacco.retailcrm.shared;
