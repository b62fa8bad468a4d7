package com.tobacco.retailcrm.customer.photo;

import com.tobacco.retailcrm.customer.api.ImageFiles;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** The photo store's checks and files for every picture, a customer's or another module's (visit photos). */
@Component
class ArchiveImageFiles implements ImageFiles {

    private final PhotoStore store;

    ArchiveImageFiles(PhotoStore store) {
        this.store = store;
    }

    @Override
    public StoredImage store(byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "{customer.photo.error.empty}");
        }
        if (content.length > CustomerPhotos.MAX_BYTES) {
            throw new InvalidInputException("file", "{customer.photo.error.tooLarge}");
        }
        ImageType type = ImageType.sniff(content)
                .orElseThrow(() -> new InvalidInputException("file", "{customer.photo.error.type}"));
        PhotoStore.Decoded decoded = PhotoStore.decode(content, CustomerPhotos.MAX_PIXELS);
        if (decoded == null) {
            throw new InvalidInputException("file", "{customer.photo.error.unreadable}");
        }
        if (decoded.thumbnail() == null) {
            throw new InvalidInputException("file", "{customer.photo.error.dimensions}");
        }
        String hash = PhotoStore.sha256(content);
        store.store(hash, content, decoded.thumbnail());
        return new StoredImage(hash, type.contentType(), content.length, decoded.width(), decoded.height());
    }

    @Override
    public Path file(String sha256, boolean thumbnail) {
        return thumbnail ? store.thumbnail(sha256) : store.original(sha256);
    }
}
