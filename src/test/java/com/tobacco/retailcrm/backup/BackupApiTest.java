package com.tobacco.retailcrm.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.support.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** {@code POST/GET /api/v1/backups}: the system administrator's, audited, each backup listed with size and checksum. */
class BackupApiTest extends ApiTest {

    @Value("${crm.backup.dir}")
    Path backupDir;

    @Test
    void onlyTheSystemAdministratorBacksUpAndEveryBackupIsListedWithSizeAndChecksumAndAudited() throws Exception {
        assertThat(http.post("/api/v1/backups", adminToken("secadmin"), "{}").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/backups", adminToken("auditadmin")).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/backups", null).status()).isEqualTo(401);

        var made = http.post("/api/v1/backups", adminToken("sysadmin"), "{}");
        assertThat(made.status()).as("%s", made).isEqualTo(201);
        String name = made.json().get("name").asString();
        Path zip = backupDir.resolve(name);
        assertThat(made.json().get("sizeBytes").asLong()).isEqualTo(Files.size(zip)).isPositive();
        assertThat(made.json().get("sha256").asString()).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip))));
        assertThat(Files.readString(backupDir.resolve(name + ".sha256"))).startsWith(made.json().get("sha256").asString());

        var listed = http.get("/api/v1/backups", adminToken("sysadmin"));
        assertThat(listed.status()).isEqualTo(200);
        var mine = listed.json().get("items").valueStream().filter(b -> b.get("name").asString().equals(name)).findFirst();
        assertThat(mine).hasValueSatisfying(b -> {
            assertThat(b.get("sizeBytes").asLong()).isEqualTo(made.json().get("sizeBytes").asLong());
            assertThat(b.get("sha256").asString()).isEqualTo(made.json().get("sha256").asString());
        });
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'BACKUP_CREATE' "
                + "and target_id = ? and actor = 'sysadmin' and outcome = 'SUCCESS'", Integer.class, name)).isEqualTo(1);
    }
}
