package com.tobacco.retailcrm.customer.photo;

import com.tobacco.retailcrm.security.api.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Customer photos over the API; the customer's data scope decides who sees them. */
@RestController
@RequestMapping("/api/v1/customers/{customerCode}/photos")
class PhotoController {

    static final String BUSINESS_ROLES = Roles.BUSINESS;

    private final CustomerPhotos photos;

    PhotoController(CustomerPhotos photos) {
        this.photos = photos;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('CUSTOMER_MANAGER','MARKET_DEPT')")
    @ResponseStatus(HttpStatus.CREATED)
    PhotoView upload(@PathVariable String customerCode, @RequestParam("kind") String kind,
                     @RequestPart("file") MultipartFile file) {
        if (file.getSize() > CustomerPhotos.MAX_BYTES) {
            throw new com.tobacco.retailcrm.shared.api.InvalidInputException("file", "{customer.photo.error.tooLarge}");
        }
        try {
            return photos.upload(customerCode, kind, file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping
    @PreAuthorize(BUSINESS_ROLES)
    List<PhotoView> list(@PathVariable String customerCode) {
        return photos.list(customerCode);
    }

    @GetMapping("/{id}")
    @PreAuthorize(BUSINESS_ROLES)
    ResponseEntity<Resource> photo(@PathVariable String customerCode, @PathVariable long id) {
        return serve(photos.file(customerCode, id, false));
    }

    @GetMapping("/{id}/thumbnail")
    @PreAuthorize(BUSINESS_ROLES)
    ResponseEntity<Resource> thumbnail(@PathVariable String customerCode, @PathVariable long id) {
        return serve(photos.file(customerCode, id, true));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('CUSTOMER_MANAGER','MARKET_DEPT')")
    ResponseEntity<Void> delete(@PathVariable String customerCode, @PathVariable long id) {
        photos.delete(customerCode, id);
        return ResponseEntity.noContent().build();
    }

    static ResponseEntity<Resource> serve(CustomerPhotos.PhotoFile file) {
        if (!file.path().toFile().isFile()) {
            throw new com.tobacco.retailcrm.shared.api.NotFoundException("{customer.photo.error.fileMissing}");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePrivate())
                .eTag(file.photo().sha256())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(file.path()));
    }
}
