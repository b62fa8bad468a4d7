package com.tobacco.retailcrm.report.web;

import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded file of the report module's imports spooled to a temporary file (the archive's sheet reader streams
 * it from disk) and removed afterwards; a missing, empty or unreadable upload is a 400 on {@code file}.
 */
final class Uploads {

    private Uploads() {
    }

    /** Hands the spooled file and the upload's name to {@code importer}; {@code fileError} is the message key. */
    static <T> T spooled(MultipartFile file, String prefix, String fileError, BiFunction<Path, String, T> importer) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", fileError);
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(prefix, ".upload");
            file.transferTo(tmp);
            return importer.apply(tmp, file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename());
        } catch (IOException e) {
            throw new InvalidInputException("file", fileError);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed by the system
                }
            }
        }
    }
}
