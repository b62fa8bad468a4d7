package com.tobacco.retailcrm.customer.api;

import java.nio.file.Path;

/**
 * The archive's photo store for pictures other modules keep (visit photos): the same checks as a customer photo
 * (JPEG or PNG by magic bytes, at most 5 MB, really decodable) and the same files under {@code CRM_DATA_DIR/photos},
 * named by SHA-256, with a thumbnail. The caller keeps the returned hash in its own table and checks who may see it.
 */
public interface ImageFiles {

    /** Checks and stores the picture; a bad one → InvalidInputException on field {@code file}. */
    StoredImage store(byte[] content);

    /** The stored original (or its JPEG thumbnail) of a hash {@link #store} returned. */
    Path file(String sha256, boolean thumbnail);

    /** What is known of a stored picture. */
    record StoredImage(String sha256, String contentType, int sizeBytes, int width, int height) {
    }
}
