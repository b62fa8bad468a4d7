package com.tobacco.retailcrm.customer.photo;

import com.tobacco.retailcrm.shared.infrastructure.CrmProperties;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.stereotype.Component;

/**
 * Photo files under {@code CRM_DATA_DIR/photos}, named by the SHA-256 of their content: the same picture uploaded
 * twice is stored once, a name can never be guessed from a customer, and rows hold only the hash. A thumbnail is
 * made once beside the original, scaled with javax.imageio (subsampled while reading, so a large photo does not
 * need its full-size pixels in memory).
 */
@Component
class PhotoStore {

    static final int THUMBNAIL_SIZE = 240;

    private final Path root;

    PhotoStore(CrmProperties properties) {
        this.root = properties.dataDir().resolve("photos");
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Path original(String hash) {
        return dir(hash).resolve(hash);
    }

    Path thumbnail(String hash) {
        return dir(hash).resolve(hash + "-thumb.jpg");
    }

    /** Stores the content (if not there yet) and its thumbnail. */
    void store(String hash, byte[] content, BufferedImage thumbnail) {
        try {
            Files.createDirectories(dir(hash));
            if (!Files.exists(original(hash))) {
                writeAtomically(original(hash), content);
            }
            if (!Files.exists(thumbnail(hash))) {
                var out = new java.io.ByteArrayOutputStream();
                ImageIO.write(thumbnail, "jpg", out);
                writeAtomically(thumbnail(hash), out.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String hash) {
        try {
            Files.deleteIfExists(original(hash));
            Files.deleteIfExists(thumbnail(hash));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path dir(String hash) {
        return root.resolve(hash.substring(0, 2));
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Decoded facts of an image: its size and a thumbnail; {@code null} when the bytes are not a readable image. */
    record Decoded(int width, int height, BufferedImage thumbnail) {
    }

    static Decoded decode(byte[] content, long maxPixels) {
        try (InputStream in = new java.io.ByteArrayInputStream(content);
             ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || (long) w * h > maxPixels) {
                    return new Decoded(w, h, null);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.min(w, h) / (THUMBNAIL_SIZE * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                return new Decoded(w, h, scale(image));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static BufferedImage scale(BufferedImage image) {
        double factor = Math.min(1.0, (double) THUMBNAIL_SIZE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage thumb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return thumb;
    }
}
