package org.filesync.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.filesync.jobs.JobFileError;

/**
 * Where the server settings are: {@code --config FILE}, else {@code filesync.yaml} beside the jobs
 * folder, else none (the environment's {@code FILESYNC_...} overrides alone).
 */
public final class ServerSettingsFile {

    public static final String DEFAULT_NAME = "filesync.yaml";

    private ServerSettingsFile() {
    }

    /** The settings, or the errors that keep them from being used. */
    public record Loaded(Optional<ServerSettings> settings, List<JobFileError> errors) {
        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    /** @param config the file named by {@code --config}, or null for the default place */
    public static Loaded load(Path jobsDirectory, Path config, Function<String, String> environment) {
        Path file = config != null ? config : defaultLocation(jobsDirectory);
        boolean exists = Files.isRegularFile(file);
        if (config != null && !exists) {
            return new Loaded(Optional.empty(), List.of(new JobFileError(config, 0, "no such settings file")));
        }
        ServerSettingsParser parser = new ServerSettingsParser(file, exists, environment);
        Optional<ServerSettings> settings = parser.parse();
        return new Loaded(settings, parser.errors().stream().sorted().toList());
    }

    /** Named as the jobs folder was named (relative stays relative), so messages read like the job files' own. */
    static Path defaultLocation(Path jobsDirectory) {
        Path folder = jobsDirectory.normalize();
        if (folder.getParent() != null) {
            return folder.getParent().resolve(DEFAULT_NAME);
        }
        if (!folder.toString().isEmpty() && !folder.toString().equals("..")) {
            return Path.of(DEFAULT_NAME);
        }
        return folder.toAbsolutePath().normalize().resolveSibling(DEFAULT_NAME);
    }
}
