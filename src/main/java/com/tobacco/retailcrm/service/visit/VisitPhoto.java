package com.tobacco.retailcrm.service.visit;

import java.time.Instant;

/** A photo taken on a visit; the file is in the archive's photo store under its hash. */
public record VisitPhoto(long id, long visitId, String sha256, String contentType, int sizeBytes, int width,
                         int height, String uploadedBy, Instant uploadedAt) {
}
