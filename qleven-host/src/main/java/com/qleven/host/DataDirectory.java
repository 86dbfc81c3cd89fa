package com.qleven.host;

import com.qleven.host.config.ConfigException;
import com.qleven.host.config.HostConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The data directory holds the master key and the embedded database: only its owner may enter it. */
final class DataDirectory {
    private DataDirectory() {
    }

    static Path ensure(Path dir) {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        try {
            Path parent = dir.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createDirectory(dir);
            }
            return dir;
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            return dir;
        } catch (IOException e) {
            throw new ConfigException(HostConfig.DATA_DIR + " names " + dir + ", which cannot be created: " + e);
        }
    }
}
