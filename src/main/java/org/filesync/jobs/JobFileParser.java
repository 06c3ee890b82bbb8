package org.filesync.jobs;

import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.quartz.CronExpression;
import org.yaml.snakeyaml.nodes.MappingNode;

/** Reads one job file into a {@link JobDefinition}, or into the list of everything wrong with it. */
final class JobFileParser {

    static final Set<String> TOP_KEYS = Set.of("name", "description", "schedule", "timezone", "direction",
            "remote", "local", "include", "exclude", "delete", "parallel", "verify", "retries", "maxFailures",
            "bandwidthLimit", "misfire", "notify", "deleteLimit", "minAge", "segments", "segmentMinSize");
    private static final Set<String> LOCAL_KEYS = Set.of("path");
    private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    static final int MAX_PARALLEL = 64;

    private final Path file;
    private final Problems problems;
    private final EnvironmentExpander expander;
    private int nameLine = 1;

    JobFileParser(Path file, Function<String, String> environment) {
        this.file = file;
        this.problems = new Problems(file);
        this.expander = new EnvironmentExpander(environment);
    }

    /** The job, when the file has no error; the errors are in {@link #errors()} either way. */
    Optional<JobDefinition> parse() {
        Optional<MappingNode> root = YamlMapping.readDocument(file, problems, "job file", "name, remote, local, ...");
        if (root.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping top = YamlMapping.of(root.get(), "", 1, TOP_KEYS, problems, expander);
        Path folder = file.toAbsolutePath().getParent();
        nameLine = top.lineOf("name");

        String name = top.string("name").orElse(defaultName());
        if (!JOB_NAME.matcher(name).matches()) {
            top.error("name", "'" + name + "' is not a job name: use letters, digits, '.', '_' and '-' (at most 100)");
        }
        String description = top.string("description").orElse("");
        ZoneId zone = top.string("timezone").flatMap(text -> zone(top, text)).orElse(ZoneId.systemDefault());
        String schedule = top.string("schedule").filter(cron -> isValidCron(top, cron)).orElse(null);
        Direction direction = top.string("direction").flatMap(text -> choice(top, "direction", text, Direction.class))
                .orElse(Direction.DOWNLOAD);

        RemoteEndpoint remote = null;
        if (!top.has("remote")) {
            top.missing("remote");
        } else {
            remote = top.mapping("remote", RemoteSectionParser.KEYS)
                    .flatMap(section -> new RemoteSectionParser(section, folder).parse()).orElse(null);
        }
        Path localPath = null;
        if (!top.has("local")) {
            top.missing("local");
        } else {
            localPath = top.mapping("local", LOCAL_KEYS).flatMap(local -> localPath(local, folder)).orElse(null);
        }

        List<String> include = top.stringList("include").filter(globs -> validGlobs(top, "include", globs)).orElse(List.of());
        List<String> exclude = top.stringList("exclude").filter(globs -> validGlobs(top, "exclude", globs)).orElse(List.of());
        boolean delete = top.bool("delete").orElse(false);
        int parallel = top.integer("parallel").filter(n -> atLeast(top, "parallel", n, 1))
                .filter(n -> atMost(top, "parallel", n, MAX_PARALLEL)).orElse(1);
        VerifyMode verify = top.string("verify").flatMap(text -> choice(top, "verify", text, VerifyMode.class))
                .orElse(VerifyMode.SIZE);
        int retries = top.integer("retries").filter(n -> atLeast(top, "retries", n, 0)).orElse(3);
        int maxFailures = top.integer("maxFailures").filter(n -> atLeast(top, "maxFailures", n, 0)).orElse(10);
        long bandwidthLimit = top.string("bandwidthLimit").flatMap(text -> size(top, "bandwidthLimit", text)).orElse(0L);
        Segmenting segmenting = segmenting(top, parallel);
        MisfirePolicy misfire = top.string("misfire").flatMap(text -> choice(top, "misfire", text, MisfirePolicy.class))
                .orElse(MisfirePolicy.RUN);
        if (top.has("misfire") && schedule == null && !top.has("schedule")) {
            top.error("misfire", "only applies to a job with a schedule");
        }

        Optional<YamlMapping> notify = top.mapping("notify", NotifySectionParser.KEYS);
        NotifySection alerts = notify.map(section -> new NotifySectionParser(section).parse()).orElse(NotifySection.NONE);
        if (notify.filter(section -> section.has("deadline")).isPresent() && !top.has("schedule")) {
            notify.get().error("deadline", "only applies to a job with a schedule");
        }

        Safeguards safeguards = new Safeguards(
                top.string("deleteLimit").flatMap(text -> deleteLimit(top, text)).orElse(DeleteLimit.DEFAULT),
                top.string("minAge").flatMap(text -> duration(top, "minAge", text)).orElse(Duration.ZERO));
        if (top.has("deleteLimit") && !delete) {
            top.error("deleteLimit", "only applies with delete: true");
        }

        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JobDefinition(name, description, schedule, zone, direction, remote, localPath,
                include, exclude, delete, parallel, verify, retries, maxFailures, bandwidthLimit, misfire, alerts,
                safeguards, segmenting, file));
    }

    List<JobFileError> errors() {
        return problems.list();
    }

    /** The line of the {@code name:} key, or 1: where a clash with another file's job name is reported. */
    int nameLine() {
        return nameLine;
    }

    private String defaultName() {
        String fileName = file.getFileName().toString();
        return fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - 5) : fileName;
    }

    private static Optional<ZoneId> zone(YamlMapping top, String text) {
        try {
            return Optional.of(ZoneId.of(text));
        } catch (DateTimeException e) {
            top.error("timezone", "unknown time zone '" + text + "' (examples: UTC, Europe/Berlin, America/New_York)");
            return Optional.empty();
        }
    }

    private static boolean isValidCron(YamlMapping top, String cron) {
        try {
            new CronExpression(cron);
            return true;
        } catch (ParseException e) {
            top.error("schedule", "not a Quartz cron expression '" + cron + "': " + e.getMessage()
                    + " (seconds come first: \"0 30 2 * * ?\" is 02:30:00 every day)");
            return false;
        }
    }

    private Optional<Path> localPath(YamlMapping local, Path folder) {
        if (!local.has("path")) {
            local.missing("path");
            return Optional.empty();
        }
        return local.string("path").filter(text -> {
            if (text.isBlank()) {
                local.error("path", "must not be empty");
                return false;
            }
            return true;
        }).map(text -> folder.resolve(text).normalize());
    }

    private static boolean validGlobs(YamlMapping top, String key, List<String> globs) {
        for (String glob : globs) {
            try {
                PathGlob.compile(glob);
            } catch (IllegalArgumentException e) {
                top.error(key, e.getMessage());
                return false;
            }
        }
        return true;
    }

    static boolean atLeast(YamlMapping mapping, String key, long value, long minimum) {
        if (value < minimum) {
            mapping.error(key, "must be at least " + minimum + ", not " + value);
            return false;
        }
        return true;
    }

    private static boolean atMost(YamlMapping mapping, String key, long value, long maximum) {
        if (value > maximum) {
            mapping.error(key, "must be at most " + maximum + ", not " + value);
            return false;
        }
        return true;
    }

    private static Optional<DeleteLimit> deleteLimit(YamlMapping top, String text) {
        try {
            return Optional.of(DeleteLimit.parse(text));
        } catch (IllegalArgumentException e) {
            top.error("deleteLimit", e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Duration> duration(YamlMapping mapping, String key, String text) {
        try {
            return Optional.of(DurationText.parse(text));
        } catch (IllegalArgumentException e) {
            mapping.error(key, e.getMessage());
            return Optional.empty();
        }
    }

    private static Segmenting segmenting(YamlMapping top, int parallel) {
        // each segment needs a session of its own, and the job never holds more than parallel
        int segments = top.integer("segments").filter(n -> atLeast(top, "segments", n, 1))
                .filter(n -> atMost(top, "segments", n, parallel)).orElse(1);
        long minSize = top.string("segmentMinSize").flatMap(text -> size(top, "segmentMinSize", text))
                .filter(n -> atLeast(top, "segmentMinSize", n, Segmenting.MIN_SIZE_FLOOR))
                .orElse(Segmenting.DEFAULT_MIN_SIZE);
        return new Segmenting(segments, minSize);
    }

    static Optional<Long> size(YamlMapping mapping, String key, String text) {
        try {
            return Optional.of(ByteSize.parse(text));
        } catch (IllegalArgumentException e) {
            mapping.error(key, e.getMessage());
            return Optional.empty();
        }
    }

    static <E extends Enum<E>> Optional<E> choice(YamlMapping mapping, String key, String text, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return Optional.of(constant);
            }
        }
        List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        mapping.error(key, "must be one of " + String.join(", ", names) + "; not '" + text + "'");
        return Optional.empty();
    }
}
