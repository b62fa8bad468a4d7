package com.tobacco.retailcrm.backup.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * 全量备份（外部库） — pg_dump and pg_restore (custom format) for a configured PostgreSQL server, which keeps its own
 * WAL (point-in-time recovery of such a server is its operator's archive_command, see the README). The client must be
 * of the server's major version or newer; when it is older, pg_dump refuses and the backup fails with its message.
 *
 * @param jdbcUrl  {@code spring.datasource.url}
 */
record PgClient(String jdbcUrl, String username, String password) {

    /** The libpq URI of the JDBC URL, without the driver's own parameters. */
    String uri() {
        String url = jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring(5) : jdbcUrl;
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    void dump(String pgDump, Path file) throws IOException {
        run(List.of(pgDump, "--format=custom", "--no-owner", "--no-privileges", "--file=" + file, "--dbname=" + uri()));
    }

    void restore(String pgRestore, Path file) throws IOException {
        run(List.of(pgRestore, "--no-owner", "--no-privileges", "--exit-on-error", "--dbname=" + uri(), file.toString()));
    }

    private void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>(command);
        if (username != null && !username.isBlank()) {
            full.add(1, "--username=" + username);
        }
        Path log = Files.createTempFile("crm-pg-", ".log");
        try {
            var builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
            if (password != null && !password.isEmpty()) {
                builder.environment().put("PGPASSWORD", password);
            }
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new IOException(command.get(0) + " cannot be run (install the PostgreSQL client of the server's "
                        + "version, or set CRM_PG_DUMP / CRM_PG_RESTORE): " + e.getMessage(), e);
            }
            if (!process.waitFor(6, TimeUnit.HOURS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " failed: " + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
