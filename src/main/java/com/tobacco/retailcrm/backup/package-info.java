/**
 * 备份与恢复 — full backups of the database and the uploaded files (on demand and weekly), the WAL archive for daily
 * increments and point-in-time recovery, retention, and the {@code restore} command that rebuilds the database.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit :: api", "shared"})
package com.tobacco.retailcrm.backup;
