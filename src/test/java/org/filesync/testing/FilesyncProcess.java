package org.filesync.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the filesync command line as its own process, as an operator would: its own working
 * folder, environment, stdout and stderr. Uses the test JVM's class path, so it works before
 * the jar is packaged; {@link #launcher} goes through the launcher script instead.
 */
public final class FilesyncProcess {

    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final List<String> program;

    public FilesyncProcess(Path workingDirectory, Map<String, String> environment) {
        this(workingDirectory, environment, java(List.of()));
    }

    private FilesyncProcess(Path workingDirectory, Map<String, String> environment, List<String> program) {
        this.workingDirectory = workingDirectory;
        this.environment = Map.copyOf(environment);
        this.program = List.copyOf(program);
    }

    /** On the test JVM's class path, with {@code jvmOptions} ("-Dname=value") on the java command line. */
    public static FilesyncProcess withJvmOptions(Path workingDirectory, Map<String, String> environment,
                                                 List<String> jvmOptions) {
        return new FilesyncProcess(workingDirectory, environment, java(jvmOptions));
    }

    private static List<String> java(List<String> jvmOptions) {
        return Stream.of(Stream.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                jvmOptions.stream(), Stream.of("-cp", System.getProperty("java.class.path"), "org.filesync.cli.FilesyncMain"))
                .flatMap(part -> part).toList();
    }

    /** Through {@code scripts/filesync}, the launcher a user starts, on this checkout's build. */
    public static FilesyncProcess launcher(Path workingDirectory, Map<String, String> environment) {
        return launcher(Path.of("scripts/filesync"), workingDirectory, environment);
    }

    /** Through the given launcher script, such as {@code bin/filesync} of an unpacked distribution. */
    public static FilesyncProcess launcher(Path script, Path workingDirectory, Map<String, String> environment) {
        return new FilesyncProcess(workingDirectory, environment, List.of(script.toAbsolutePath().toString()));
    }

    public record Result(int exitCode, String stdout, String stderr) {
        public String all() {
            return stdout + stderr;
        }
    }

    public Process start(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(program);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("FILESYNC_"));
        builder.environment().putAll(environment);
        builder.redirectOutput(workingDirectory.resolve(".stdout").toFile());
        builder.redirectError(workingDirectory.resolve(".stderr").toFile());
        return builder.start();
    }

    public Result run(String... arguments) throws IOException, InterruptedException {
        Process process = start(List.of(arguments));
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("filesync " + String.join(" ", arguments) + " did not finish within 120 s");
        }
        return collect(process);
    }

    public Result collect(Process process) throws IOException {
        return new Result(process.exitValue(),
                Files.readString(workingDirectory.resolve(".stdout"), StandardCharsets.UTF_8),
                Files.readString(workingDirectory.resolve(".stderr"), StandardCharsets.UTF_8));
    }
}
