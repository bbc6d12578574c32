package com.clinicsuite.imports.debtors.service;

import com.clinicsuite.imports.debtors.config.DebtorImportConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keeps every received report file once, named by the sha256 of its content: the same file received twice is
 * stored once, and a stored file can be checked against its name. Blocking I/O: call from a worker thread.
 */
@ApplicationScoped
public class ReportFileStore {

    private final Path directory;

    public ReportFileStore(DebtorImportConfig config) {
        this.directory = config.storageDir();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Stores the content unless a file with its hash exists; returns the hash. */
    public String store(byte[] content) {
        String sha256 = sha256(content);
        Path target = path(sha256);
        if (Files.exists(target)) {
            return sha256;
        }
        try {
            Files.createDirectories(directory);
            // write aside, then move into place: a reader never sees half a file under the final name
            Path temp = Files.createTempFile(directory, sha256, ".part");
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return sha256;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store report file " + sha256, e);
        }
    }

    public Path path(String sha256) {
        return directory.resolve(sha256 + ".pdf");
    }
}
