package com.plmr.mfa.adapter.out.notify.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * The development sink's file: lines are appended one at a time (serialised within the JVM), the
 * parent folders are created up front, and a new file is readable by its owner only where the file
 * system supports POSIX permissions (it holds codes in clear).
 */
public final class DevSinkFile {

    private final Path path;

    public DevSinkFile(Path path) {
        this.path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
        try {
            createParents();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the dev sink file " + this.path, e);
        }
    }

    public Path path() {
        return path;
    }

    /** Appends the line and a line break. */
    public synchronized void append(String line) throws IOException {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a dev sink entry is one line");
        }
        createParents();
        if (Files.notExists(path) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException ignored) {
                // created concurrently by another process: append to it
            }
        }
        Files.writeString(path, line + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    private void createParents() throws IOException {
        Path parent = path.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    @Override
    public String toString() {
        return "DevSinkFile[" + path + "]";
    }
}
