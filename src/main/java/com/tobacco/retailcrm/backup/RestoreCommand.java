package com.tobacco.retailcrm.backup;

import com.tobacco.retailcrm.backup.domain.BackupSettings;
import com.tobacco.retailcrm.backup.domain.Restore;
import com.tobacco.retailcrm.shared.infrastructure.EmbeddedPostgresServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar retail-crm.jar restore <backup> [--until <instant>]}: rebuilds the database from a backup without
 * starting the application. Reads the same configuration as the application (environment variables,
 * application.yml, {@code --crm.data-dir=...} style options) but creates none of its beans.
 */
public final class RestoreCommand {

    private RestoreCommand() {
    }

    public static boolean isRestore(String[] args) {
        return args.length > 0 && "restore".equals(args[0]);
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, PrintStream out) {
        String backup = null;
        Instant until = null;
        List<String> options = new ArrayList<>();
        try {
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("--until") && i + 1 < args.length) {
                    until = Instant.parse(args[++i]);
                } else if (args[i].startsWith("--until=")) {
                    until = Instant.parse(args[i].substring("--until=".length()));
                } else if (args[i].startsWith("--")) {
                    options.add(args[i]);
                } else if (backup == null) {
                    backup = args[i];
                } else {
                    return usage(out, "unexpected argument " + args[i]);
                }
            }
        } catch (DateTimeParseException e) {
            return usage(out, "--until takes an instant such as 2026-12-03T06:30:00Z");
        }
        if (backup == null) {
            return usage(out, "name the backup to restore");
        }
        try (var context = new SpringApplicationBuilder(Settings.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(options.toArray(String[]::new))) {
            return restore(context.getEnvironment(), backup, until, out);
        }
    }

    private static int restore(Environment env, String backup, Instant until, PrintStream out) {
        Path dataDir = Path.of(env.getProperty("crm.data-dir", "./data"));
        var settings = new BackupSettings(Path.of(env.getProperty("crm.backup.dir", dataDir.resolve("backups").toString())),
                5, env.getProperty("crm.backup.pg-dump"), env.getProperty("crm.backup.pg-restore"));
        String url = env.getProperty("spring.datasource.url", "");
        var restore = new Restore(settings, dataDir, out);
        long started = System.nanoTime();
        try {
            Path zip = restore.locate(backup);
            out.println("Restoring " + zip);
            if (url.isBlank()) {
                restore.embedded(EmbeddedPostgresServer.of(dataDir, settings.dir(), true), zip, until);
            } else {
                if (until != null) {
                    return usage(out, "--until needs the embedded database; a configured server is recovered to an "
                            + "instant with its own WAL archive");
                }
                restore.external(url, env.getProperty("spring.datasource.username", ""),
                        env.getProperty("spring.datasource.password", ""), zip);
            }
            out.printf("Restore finished in %.1f s%n", (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (Exception e) {
            out.println("Restore failed: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream out, String problem) {
        out.println(problem);
        out.println("usage: java -jar retail-crm.jar restore <backup file or name in CRM_BACKUP_DIR> [--until <instant>]");
        return 2;
    }

    /** No beans: the command only needs the configuration. */
    static final class Settings {
    }
}
