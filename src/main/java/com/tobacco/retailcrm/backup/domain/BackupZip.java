package com.tobacco.retailcrm.backup.domain;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The zip a backup is kept in, with its SHA-256 computed while it is written. Written as {@code <name>.part} and
 * renamed when complete, so a crash mid-backup never leaves something that looks like a backup.
 */
final class BackupZip implements AutoCloseable {

    static final String MANIFEST = "manifest.properties";

    private final Path target;
    private final Path part;
    private final MessageDigest digest;
    private final ZipOutputStream zip;
    private boolean finished;

    private BackupZip(Path target) throws IOException {
        this.target = target;
        this.part = target.resolveSibling(target.getFileName() + ".part");
        this.digest = sha256Digest();
        OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(part), 1 << 16), digest);
        this.zip = new ZipOutputStream(out);
        // most of a database is already dense (indexes, TOAST); speed matters more than the last 20 %
        zip.setLevel(Deflater.BEST_SPEED);
    }

    static BackupZip create(Path target) throws IOException {
        return new BackupZip(target);
    }

    /**
     * Adds the files under {@code root} as {@code prefix/...}: every directory (PostgreSQL needs the empty ones),
     * the files {@code keep} accepts. A file that disappears while the tree is walked (a dropped table) is left out.
     */
    void addTree(Path root, String prefix, Predicate<Path> keep) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && !keep.test(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                zip.putNextEntry(new ZipEntry(name(root, dir, prefix) + "/"));
                zip.closeEntry();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && keep.test(file)) {
                    addFile(name(root, file, prefix), file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static String name(Path root, Path path, String prefix) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        return relative.isEmpty() ? prefix : prefix + "/" + relative;
    }

    void addFile(String name, Path file) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            return;
        }
        try (in) {
            zip.putNextEntry(new ZipEntry(name));
            in.transferTo(zip);
            zip.closeEntry();
        }
    }

    void addText(String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    void addManifest(Properties manifest) throws IOException {
        var text = new StringWriter();
        manifest.store(text, "retail-crm backup");
        addText(MANIFEST, text.toString());
    }

    /** Completes the zip, renames it into place and writes its checksum file; returns the SHA-256. */
    String finish() throws IOException {
        zip.close();
        finished = true;
        String sha = HexFormat.of().formatHex(digest.digest());
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(checksumFile(target), sha + "  " + target.getFileName() + "\n", StandardCharsets.UTF_8);
        return sha;
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            zip.close();
            Files.deleteIfExists(part);
        }
    }

    static Path checksumFile(Path zip) {
        return zip.resolveSibling(zip.getFileName() + ".sha256");
    }

    /** The checksum recorded when the backup was written, or null when there is none. */
    static String recordedSha256(Path zip) {
        Path file = checksumFile(zip);
        try {
            return Files.exists(file) ? Files.readString(file).strip().split("\\s+")[0] : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static Properties manifest(Path zipFile) throws IOException {
        try (var zip = new ZipFile(zipFile.toFile())) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw new IOException(zipFile + " is not a retail-crm backup (no " + MANIFEST + ")");
            }
            var manifest = new Properties();
            manifest.load(new StringReader(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8)));
            return manifest;
        }
    }

    /** Extracts the entries under {@code prefix/} into {@code target}; returns how many files were written. */
    static int extract(Path zipFile, String prefix, Path target) throws IOException {
        int files = 0;
        Path root = target.toAbsolutePath().normalize();
        try (var zip = new ZipFile(zipFile.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(prefix + "/")) {
                    continue;
                }
                Path out = root.resolve(entry.getName().substring(prefix.length() + 1)).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("unsafe entry in backup: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                files++;
            }
        }
        return files;
    }

    static boolean hasEntry(Path zipFile, String name) throws IOException {
        try (var zip = new ZipFile(zipFile.toFile())) {
            return zip.getEntry(name) != null;
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
