package com.tobacco.retailcrm.customer.photo;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.customer.api.ChangeSource;
import com.tobacco.retailcrm.customer.api.CustomerArchive;
import com.tobacco.retailcrm.customer.api.CustomerRecord;
import com.tobacco.retailcrm.customer.api.ImageFiles;
import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 客户照片 — storefront, counter and responsible-person photos. A photo is accepted only as JPEG or PNG by its
 * magic bytes (the name and declared type are the client's word, not the file's), up to 5 MB, and only if it can
 * really be decoded. Whoever may see the customer may see its photos; the customer's own manager and the market
 * department may add and remove them (photos are in the manager's direct-edit set, docs/domain/customer-archive.md). The archive's
 * storefrontPhoto/counterPhoto fields follow the newest photo of their kind, so completeness and history see them.
 */
@Service
public class CustomerPhotos {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final long MAX_PIXELS = 50_000_000L;
    private static final Map<PhotoKind, String> ARCHIVE_FIELD = Map.of(
            PhotoKind.STOREFRONT, "storefrontPhoto", PhotoKind.COUNTER, "counterPhoto");

    private final CustomerArchive archive;
    private final PhotoRepository photos;
    private final PhotoStore store;
    private final ImageFiles images;
    private final AuditLog audit;
    private final Clock clock;

    CustomerPhotos(CustomerArchive archive, PhotoRepository photos, PhotoStore store, ImageFiles images,
                   AuditLog audit, Clock clock) {
        this.images = images;
        this.archive = archive;
        this.photos = photos;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public PhotoView upload(String customerCode, String kindName, byte[] content) {
        PhotoKind kind = kind(kindName);
        CustomerRecord customer = visible(customerCode);
        mayChange(customer);
        ImageFiles.StoredImage image = images.store(content);
        String user = CurrentUsers.require().username();
        String hash = image.sha256();
        long id = photos.insert(customer.customerCode(), kind, hash, image.contentType(), image.sizeBytes(),
                image.width(), image.height(), user, clock.instant());
        pointArchiveAt(customer.customerCode(), kind, hash);
        audit.record(AuditEntry.customer("CUSTOMER_PHOTO_UPLOAD", customer.customerCode())
                .detail(kind + " " + hash));
        return photos.find(customer.customerCode(), id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<PhotoView> list(String customerCode) {
        return photos.of(visible(customerCode).customerCode());
    }

    /** The file of a photo (or its thumbnail) for a caller who may see the customer. */
    @Transactional(readOnly = true)
    public PhotoFile file(String customerCode, long id, boolean thumbnail) {
        PhotoView photo = photos.find(visible(customerCode).customerCode(), id)
                .orElseThrow(() -> new NotFoundException("{customer.photo.error.notFound}", id));
        return thumbnail ? new PhotoFile(photo, store.thumbnail(photo.sha256()), "image/jpeg")
                : new PhotoFile(photo, store.original(photo.sha256()), photo.contentType());
    }

    @Transactional
    public void delete(String customerCode, long id) {
        CustomerRecord customer = visible(customerCode);
        mayChange(customer);
        PhotoView photo = photos.find(customer.customerCode(), id)
                .orElseThrow(() -> new NotFoundException("{customer.photo.error.notFound}", id));
        photos.delete(id);
        pointArchiveAt(customer.customerCode(), photo.kind(),
                photos.latest(customer.customerCode(), photo.kind()).map(PhotoView::sha256).orElse(null));
        audit.record(AuditEntry.customer("CUSTOMER_PHOTO_DELETE", customer.customerCode())
                .detail(photo.kind() + " " + photo.sha256()));
        deleteFileAfterCommitIfUnused(photo.sha256());
    }

    /**
     * Destroys the responsible person's photos (负责人照片) of a customer, rows and files, in the caller's transaction
     * (the retention job's, which runs as nobody and checks no scope): a person's face is personal data.
     *
     * @return how many photos were destroyed
     */
    public int destroyPersonPhotos(String customerCode) {
        List<PhotoView> person = photos.of(customerCode).stream().filter(p -> p.kind() == PhotoKind.PERSON).toList();
        for (PhotoView photo : person) {
            photos.delete(photo.id());
            deleteFileAfterCommitIfUnused(photo.sha256());
        }
        return person.size();
    }

    private void deleteFileAfterCommitIfUnused(String hash) {
        if (!photos.hashInUse(hash)) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    store.delete(hash);
                }
            });
        }
    }

    /** Whether the caller may add and remove this customer's photos (for the page to offer it). */
    @Transactional(readOnly = true)
    public boolean mayChange(String customerCode) {
        try {
            mayChange(visible(customerCode));
            return true;
        } catch (ForbiddenException e) {
            return false;
        }
    }

    /** A photo's file on disk with what to serve it as. */
    public record PhotoFile(PhotoView photo, Path path, String contentType) {
    }

    private void pointArchiveAt(String customerCode, PhotoKind kind, String hash) {
        String field = ARCHIVE_FIELD.get(kind);
        if (field != null) {
            Map<String, Object> change = new HashMap<>();
            change.put(field, hash);
            archive.applyChanges(customerCode, change, null, ChangeSource.direct());
        }
    }

    private CustomerRecord visible(String customerCode) {
        return archive.find(customerCode)
                .orElseThrow(() -> new NotFoundException("{customer.photo.error.customerNotFound}", customerCode));
    }

    /** The market department for any customer; a customer manager for their own customers only. */
    private static void mayChange(CustomerRecord customer) {
        CurrentUser user = CurrentUsers.require();
        boolean own = user.has(Role.CUSTOMER_MANAGER) && user.username().equals(customer.get("customerManager"));
        if (!user.has(Role.MARKET_DEPT) && !own) {
            throw new ForbiddenException("{customer.photo.error.forbidden}");
        }
    }

    private static PhotoKind kind(String name) {
        try {
            return PhotoKind.valueOf(name == null ? "" : name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "{customer.photo.error.kind}");
        }
    }
}
