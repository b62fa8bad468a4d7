package com.tobacco.retailcrm.backup.domain;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What of {@code CRM_DATA_DIR} a backup carries as uploaded files (photos and the like): everything except the
 * database's own directories, the data key and the backups themselves. The key is never written beside the data it
 * protects, so {@code keys/} and the configured key file are always left out.
 */
record UploadedFiles(Path dataDir, Path backupDir, Path keyFile) {

    static final String PREFIX = "files";

    private static final Set<String> NOT_FILES = Set.of("pg", "pg-binaries", "keys");

    UploadedFiles {
        dataDir = dataDir.toAbsolutePath().normalize();
        backupDir = backupDir.toAbsolutePath().normalize();
        keyFile = keyFile == null ? null : keyFile.toAbsolutePath().normalize();
    }

    Predicate<Path> filter() {
        return path -> {
            Path p = path.toAbsolutePath().normalize();
            Path relative = dataDir.relativize(p);
            return !(NOT_FILES.contains(relative.getName(0).toString()) || relative.getName(0).toString().startsWith("pg.")
                    || p.startsWith(backupDir) || p.equals(keyFile) || p.getFileName().toString().endsWith(".key"));
        };
    }
}
