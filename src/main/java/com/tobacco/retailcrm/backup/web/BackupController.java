package com.tobacco.retailcrm.backup.web;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.audit.api.AuditOutcome;
import com.tobacco.retailcrm.backup.domain.BackupFile;
import com.tobacco.retailcrm.backup.domain.Backups;
import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.PageResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 备份 — full backups on demand and their list, for the system administrator. */
@RestController
@RequestMapping("/api/v1/backups")
class BackupController {

    private final Backups backups;
    private final AuditLog audit;

    BackupController(Backups backups, AuditLog audit) {
        this.backups = backups;
        this.audit = audit;
    }

    /** Writes a full backup now and answers when it is complete (minutes for a large archive). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    BackupFile create() {
        try {
            BackupFile made = backups.create();
            audit.record(AuditEntry.of("BACKUP_CREATE", "BACKUP", made.name())
                    .detail(made.kind() + ", " + made.sizeBytes() + " bytes, sha256 " + made.sha256()));
            return made;
        } catch (BusinessRuleException e) {
            audit.record(AuditEntry.of("BACKUP_CREATE", "BACKUP", null).outcome(AuditOutcome.FAILURE)
                    .detail(String.valueOf(e.args().length > 0 ? e.args()[0] : e.getMessage())));
            throw e;
        }
    }

    @GetMapping
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    PageResponse<BackupFile> list() {
        List<BackupFile> all = backups.list();
        return new PageResponse<>(all, all.size(), 0, Math.max(all.size(), 1));
    }
}
