package org.filesync.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Notices when a job file in a folder is added, changed or removed, by comparing the files'
 * contents at each look (polling: it works on every file system, network mounts included, and
 * job files are small).
 */
public final class JobFolderWatcher {

    private final Path directory;
    private final Function<String, String> environment;
    private long fingerprint;

    public JobFolderWatcher(Path directory, Function<String, String> environment) {
        this.directory = directory;
        this.environment = environment;
    }

    /** The folder's jobs now. */
    public JobCatalog load() {
        // Looked at before loading: a change in between shows at the next look, never goes unseen.
        fingerprint = fingerprint();
        return JobCatalog.load(directory, environment);
    }

    /** The folder's jobs when its job files changed since the last look, else empty. */
    public Optional<JobCatalog> reloadIfChanged() {
        if (fingerprint() == fingerprint) {
            return Optional.empty();
        }
        return Optional.of(load());
    }

    private long fingerprint() {
        CRC32 crc = new CRC32();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                crc.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                crc.update(0);
                try {
                    crc.update(Files.readAllBytes(file));
                } catch (IOException e) {
                    crc.update(1); // unreadable now: counts as a change, and the reload reports it
                }
                crc.update(0);
            }
        } catch (IOException e) {
            return -1;
        }
        return crc.getValue();
    }
}
