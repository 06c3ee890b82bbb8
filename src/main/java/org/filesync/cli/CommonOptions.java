package org.filesync.cli;

import java.nio.file.Path;
import org.filesync.history.Database;
import org.filesync.history.DatabaseSettings;
import org.filesync.jobs.JobCatalog;
import org.filesync.settings.ServerSettings;
import org.filesync.settings.ServerSettingsFile;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command shares: where the jobs and the server settings are and which database
 * holds the history.
 * Inherited, so they work before the command name and after it.
 */
final class CommonOptions {

    @Option(names = "--jobs", paramLabel = "DIR", scope = ScopeType.INHERIT, description = "folder of job files (default: ./jobs)")
    Path jobsDirectory = Path.of("jobs");

    @Option(names = "--db", paramLabel = "JDBC_URL", scope = ScopeType.INHERIT,
            description = "database (default: env FILESYNC_DB_URL, else H2 file ./data/filesync)")
    String databaseUrl;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "server settings file (default: filesync.yaml beside the jobs folder, when there is one)")
    Path settingsFile;

    ServerSettingsFile.Loaded loadSettings() {
        return ServerSettingsFile.load(jobsDirectory, settingsFile, System::getenv);
    }

    /** The server settings; their errors, one {@code FILE:LINE: message} each, are a configuration error. */
    ServerSettings settings() {
        ServerSettingsFile.Loaded loaded = loadSettings();
        if (loaded.hasErrors()) {
            loaded.errors().forEach(System.err::println);
            throw new ConfigurationException("the server settings have errors (see above)");
        }
        return loaded.settings().orElseThrow();
    }

    JobCatalog loadJobs() {
        return JobCatalog.load(jobsDirectory);
    }

    DatabaseSettings databaseSettings() {
        try {
            DatabaseSettings settings = DatabaseSettings.resolve(databaseUrl, System.getenv());
            settings.vendor();
            return settings;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    /**
     * A malformed or unsupported URL is a configuration error (exit 2); a database that cannot be
     * reached now (restarting, network) is a failure of this attempt (exit 1), and no run is made.
     */
    Database openDatabase(int maxConnections) {
        return Database.open(databaseSettings(), maxConnections);
    }

    /** For {@code serve}: see {@link Database#openToServe}. */
    Database openDatabaseToServe(int maxConnections) {
        return Database.openToServe(databaseSettings(), maxConnections);
    }
}
