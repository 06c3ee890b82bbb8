package org.filesync.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The jobs of one folder: every {@code *.yaml} in it, one job each. A file with any error
 * contributes its errors and no job, so a broken job is never scheduled or run.
 */
public final class JobCatalog {

    /** The most transfer connections a job may ask for. */
    public static final int MAX_PARALLEL = JobFileParser.MAX_PARALLEL;

    private final Path directory;
    private final List<JobDefinition> jobs;
    private final List<JobFileError> errors;

    private JobCatalog(Path directory, List<JobDefinition> jobs, List<JobFileError> errors) {
        this.directory = directory;
        this.jobs = List.copyOf(jobs);
        this.errors = errors.stream().sorted().toList();
    }

    public static JobCatalog load(Path directory) {
        return load(directory, System::getenv);
    }

    public static JobCatalog load(Path directory, Function<String, String> environment) {
        List<JobFileError> errors = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            errors.add(new JobFileError(directory, 0, "not a folder of job files"));
            return new JobCatalog(directory, List.of(), errors);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(path -> path.getFileName().toString().endsWith(".yaml"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            errors.add(new JobFileError(directory, 0, "cannot list the folder: " + e.getMessage()));
            return new JobCatalog(directory, List.of(), errors);
        }
        List<JobDefinition> jobs = new ArrayList<>();
        Map<String, Path> fileOfName = new HashMap<>();
        for (Path file : files) {
            JobFileParser parser = new JobFileParser(file, environment);
            Optional<JobDefinition> job = parser.parse();
            errors.addAll(parser.errors());
            if (job.isEmpty()) {
                continue;
            }
            Path first = fileOfName.putIfAbsent(job.get().name(), file);
            if (first != null) {
                errors.add(new JobFileError(file, parser.nameLine(),
                        "job name '" + job.get().name() + "' is already used by " + first));
            } else {
                jobs.add(job.get());
            }
        }
        return new JobCatalog(directory, jobs, errors);
    }

    public Path directory() {
        return directory;
    }

    public List<JobDefinition> jobs() {
        return jobs;
    }

    public List<JobFileError> errors() {
        return errors;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public Optional<JobDefinition> find(String name) {
        return jobs.stream().filter(job -> job.name().equals(name)).findFirst();
    }
}
