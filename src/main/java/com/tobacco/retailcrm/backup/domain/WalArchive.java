package com.tobacco.retailcrm.backup.domain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 日增量 — the archived WAL segments. Segment names are timeline (8 hex digits) then position (16): a segment is no
 * longer needed when it is on the oldest kept backup's timeline or an earlier one and lies before that backup's
 * start. Timeline history files are always kept (they are tiny and recovery reads them).
 */
final class WalArchive {

    private static final Logger log = LoggerFactory.getLogger(WalArchive.class);

    private WalArchive() {
    }

    static int removeBefore(Path archive, String startWal) throws IOException {
        if (startWal == null || !Files.isDirectory(archive)) {
            return 0;
        }
        List<Path> obsolete;
        try (Stream<Path> files = Files.list(archive)) {
            obsolete = files.filter(f -> obsolete(f.getFileName().toString(), startWal)).toList();
        }
        for (Path f : obsolete) {
            Files.deleteIfExists(f);
        }
        if (!obsolete.isEmpty()) {
            log.info("Removed {} archived WAL segments before {} (no kept backup needs them)", obsolete.size(), startWal);
        }
        return obsolete.size();
    }

    static boolean obsolete(String name, String startWal) {
        return BaseBackup.SEGMENT.matcher(name).matches()
                && name.substring(0, 8).compareTo(startWal.substring(0, 8)) <= 0
                && name.substring(8).compareTo(startWal.substring(8)) < 0;
    }
}
