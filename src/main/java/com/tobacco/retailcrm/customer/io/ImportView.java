package com.tobacco.retailcrm.customer.io;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * 导入记录 as the API returns it: the counts of the contract ({@code id,total,created,updated,unchanged,failed,
 * errors}) plus progress and who/when. While {@code status} is RUNNING, {@code processed} of {@code total} rows
 * are done; {@code errorsTruncated} says more rows failed than {@code errors} lists.
 */
public record ImportView(long id, String fileName, String format, String status, int total, int processed,
                         int created, int updated, int unchanged, int failed, List<ImportError> errors,
                         boolean errorsTruncated, String failure, String createdBy, OffsetDateTime createdAt,
                         OffsetDateTime finishedAt) {

    /** Whole percent done, for the progress bar. */
    public int percent() {
        if ("RUNNING".equals(status)) {
            return total == 0 ? 0 : Math.min(99, (int) (100L * processed / total));
        }
        return 100;
    }

    public boolean running() {
        return "RUNNING".equals(status);
    }
}
