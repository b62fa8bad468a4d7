package com.tobacco.retailcrm.customer.domain;

import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The master key for personal data (256 bits): from {@code CRM_DATA_KEY} (base64), or from the key file
 * ({@code CRM_DATA_KEY_FILE}, default {@code CRM_DATA_DIR/keys/data.key}), generated once readable by the owner only.
 * Backups never contain it: they leave out {@code keys/} and must be kept apart from the key. Each use gets its own key derived from it
 * (HMAC-SHA256 of a label), so the AES key, the SM4 key and the phone-hash key are never the same bytes.
 */
@Component
class DataKeys {

    private static final Logger log = LoggerFactory.getLogger(DataKeys.class);

    private final byte[] master;
    private final String keyId;

    DataKeys(@Value("${crm.crypto.key:}") String configured, @Value("${crm.crypto.key-file:}") String keyFile,
             CrmProperties properties) {
        this.master = configured == null || configured.isBlank() ? fromFile(keyFile == null || keyFile.isBlank()
                ? properties.dataDir().resolve("keys").resolve("data.key") : Path.of(keyFile))
                : decode(configured);
        this.keyId = HexFormat.of().formatHex(sha256(master)).substring(0, 8);
    }

    /** A short fingerprint of the master key written beside every ciphertext, so a wrong key is noticed. */
    String keyId() {
        return keyId;
    }

    byte[] derive(String label, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(label.getBytes(StandardCharsets.UTF_8)), length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("CRM_DATA_KEY is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("CRM_DATA_KEY must be 32 bytes (256 bits), base64-encoded");
        }
        return key;
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file.toAbsolutePath().getParent(), file);
            }
            return decode(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the data key " + file, e);
        }
    }

    private static void create(Path dir, Path file) throws IOException {
        Files.createDirectories(dir);
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            log.warn("No CRM_DATA_KEY set: generated a data key into {} (owner-only). Back it up: without it the "
                    + "encrypted customer data cannot be read. Set CRM_DATA_KEY in production.", file);
        } catch (FileAlreadyExistsException e) {
            log.debug("data key created concurrently at {}", file);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
