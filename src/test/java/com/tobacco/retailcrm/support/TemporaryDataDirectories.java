package com.tobacco.retailcrm.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * Data directories of test applications (embedded PostgreSQL, keys, backups, photos), deleted when the test JVM
 * exits: left behind they filled the disk (a benchmark's is about 3 GB, a suite's a few hundred MB each run). A
 * directory is deleted only once its PostgreSQL has stopped (the application's own shutdown stops it, beside this
 * hook), so no running server loses its files; one still running after 30 s is left.
 */
public final class TemporaryDataDirectories {

    private static final Set<Path> DIRECTORIES = ConcurrentHashMap.newKeySet();
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TemporaryDataDirectories::deleteAll, "crm-test-data-cleanup"));
    }

    private TemporaryDataDirectories() {
    }

    /** A new empty directory, deleted when the JVM exits. */
    public static Path create(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        DIRECTORIES.add(dir);
        return dir;
    }

    private static void deleteAll() {
        long deadline = System.nanoTime() + WAIT_NANOS;
        for (Path dir : DIRECTORIES) {
            Path running = dir.resolve("pg").resolve("postmaster.pid");
            while (Files.exists(running) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (!Files.exists(running)) {
                try {
                    FileSystemUtils.deleteRecursively(dir);
                } catch (IOException e) {
                    System.err.println("could not delete the test data directory " + dir + ": " + e);
                }
            }
        }
    }
}
