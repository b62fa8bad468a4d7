package com.tobacco.retailcrm.backup.domain;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.audit.api.AuditOutcome;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import com.tobacco.retailcrm.shared.infrastructure.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * 备份 — makes full backups (one at a time across instances: a ShedLock row), lists them and applies the retention:
 * the newest {@code crm.backup.keep} full backups stay, older ones go, and so does archived WAL that the oldest kept
 * backup no longer needs.
 */
@Service
public class Backups {

    static final String LOCK = "backup-full";
    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final BackupSettings settings;
    private final DataSource dataSource;
    private final EmbeddedPostgresServer embedded;
    private final PgClient external;
    private final UploadedFiles files;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final AuditLog audit;

    Backups(BackupSettings settings, CrmProperties crm, DataSource dataSource,
            ObjectProvider<EmbeddedPostgresServer> embedded, LockingTaskExecutor locks, Clock clock, AuditLog audit,
            @Value("${spring.datasource.url:}") String url, @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password,
            @Value("${crm.crypto.key-file:}") String keyFile) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.embedded = embedded.getIfAvailable();
        this.external = this.embedded == null ? new PgClient(url, username, password) : null;
        this.files = new UploadedFiles(crm.dataDir(), settings.dir(), keyFile.isBlank() ? null : Path.of(keyFile));
        this.locks = locks;
        this.clock = clock;
        this.audit = audit;
    }

    /** A full backup now; 409 while another one (here or on another instance) is being written. */
    public BackupFile create() {
        var lock = new LockConfiguration(clock.instant(), LOCK, Duration.ofHours(6), Duration.ZERO);
        try {
            var result = locks.executeWithLock(this::write, lock);
            if (!result.wasExecuted()) {
                throw new ConflictException(null, "backup.running");
            }
            return result.getResult();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The weekly backup: skipped, not failed, when another instance is already writing one. */
    void scheduledFull() {
        try {
            BackupFile made = create();
            audit.record(AuditEntry.of("BACKUP_CREATE", "BACKUP", made.name()).as("system")
                    .detail("scheduled, " + made.sizeBytes() + " bytes, sha256 " + made.sha256()));
        } catch (ConflictException e) {
            log.info("Weekly backup skipped: another backup is running");
        } catch (BusinessRuleException e) {
            audit.record(AuditEntry.of("BACKUP_CREATE", "BACKUP", null).as("system").outcome(AuditOutcome.FAILURE)
                    .detail(String.valueOf(e.args()[0])));
        }
    }

    private BackupFile write() {
        // the real time, not the application clock: a restore's --until is compared with the database's commit times
        Instant started = Instant.now();
        String name = "crm-" + NAME_TIME.format(started) + ".zip";
        Path target = settings.dir().resolve(name);
        var manifest = new Properties();
        manifest.setProperty("format", "1");
        try {
            Files.createDirectories(settings.dir());
            if (Files.exists(target)) {
                throw new ConflictException(null, "backup.running");
            }
            try (var zip = BackupZip.create(target)) {
                if (embedded != null) {
                    manifest.setProperty("kind", "BASE");
                    manifest.setProperty("systemIdentifier", embedded.systemIdentifier());
                    BaseBackup.write(zip, dataSource, embedded.dataDir(), embedded.clusterWalArchive(), name, manifest);
                } else {
                    manifest.setProperty("kind", "DUMP");
                    dump(zip);
                }
                if (Files.isDirectory(files.dataDir())) {
                    zip.addTree(files.dataDir(), UploadedFiles.PREFIX, files.filter());
                }
                manifest.setProperty("createdAt", Instant.now().toString());
                zip.addManifest(manifest);
                zip.finish();
            }
            log.info("Backup {} written ({} bytes)", target, Files.size(target));
            applyRetention();
            return read(target);
        } catch (IOException | SQLException e) {
            log.error("Backup {} failed", target, e);
            throw new BusinessRuleException("backup.failed", e.getMessage());
        }
    }

    private void dump(BackupZip zip) throws IOException {
        Path file = Files.createTempFile(settings.dir(), "dump-", ".part");
        try {
            external.dump(settings.pgDump(), file);
            zip.addFile("db.dump", file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Every complete full backup, newest first. */
    public List<BackupFile> list() {
        if (!Files.isDirectory(settings.dir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(settings.dir())) {
            return files.filter(Backups::isBackup).map(this::readOrNull).filter(Objects::nonNull)
                    .sorted(Comparator.comparing(BackupFile::createdAt).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBackup(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith("crm-") && n.endsWith(".zip") && Files.exists(BackupZip.checksumFile(p));
    }

    private BackupFile readOrNull(Path zip) {
        try {
            return read(zip);
        } catch (IOException | RuntimeException e) {
            log.warn("Not a readable backup: {} ({})", zip, e.getMessage());
            return null;
        }
    }

    private static BackupFile read(Path zip) throws IOException {
        Properties manifest = BackupZip.manifest(zip);
        return new BackupFile(zip.getFileName().toString(), manifest.getProperty("kind"),
                Instant.parse(manifest.getProperty("createdAt")), Files.size(zip), BackupZip.recordedSha256(zip));
    }

    /** Closes the current WAL segment so it is archived today (the daily increment); embedded server only. */
    public void switchWal() {
        if (embedded != null) {
            new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject("select pg_switch_wal()::text",
                    String.class);
        }
    }

    void applyRetention() throws IOException {
        List<BackupFile> all = list();
        for (BackupFile old : all.subList(Math.min(settings.keep(), all.size()), all.size())) {
            Path zip = settings.dir().resolve(old.name());
            Files.deleteIfExists(zip);
            Files.deleteIfExists(BackupZip.checksumFile(zip));
            log.info("Backup {} removed (older than the newest {})", zip, settings.keep());
        }
        List<BackupFile> kept = all.subList(0, Math.min(settings.keep(), all.size()));
        if (!kept.isEmpty() && "BASE".equals(kept.get(kept.size() - 1).kind())) {
            Properties oldest = BackupZip.manifest(settings.dir().resolve(kept.get(kept.size() - 1).name()));
            WalArchive.removeBefore(settings.walArchive().resolve(oldest.getProperty("systemIdentifier")),
                    oldest.getProperty("startWal"));
        }
    }
}
