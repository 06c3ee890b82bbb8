package org.filesync.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code filesync serve} as its own process, in a working folder of its own (its stdout and
 * stderr are files there), so that several nodes can run side by side.
 */
public final class ServeProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("ready: (\\d+) jobs scheduled");
    private static final Pattern WEB = Pattern.compile("console and metrics on (http://\\S+/)");

    private final Path workingDirectory;
    private final Process process;

    private ServeProcess(Path workingDirectory, Process process) {
        this.workingDirectory = workingDirectory;
        this.process = process;
    }

    /** Starts {@code filesync --jobs JOBS serve ARGS...} and waits for its ready line. */
    public static ServeProcess start(Path workingDirectory, Map<String, String> environment, Path jobs,
                                     String... arguments) throws IOException {
        Files.createDirectories(workingDirectory);
        return start(new FilesyncProcess(workingDirectory, environment), workingDirectory, jobs, arguments);
    }

    /** The same through a given way of starting filesync, such as a launcher script. */
    public static ServeProcess start(FilesyncProcess filesync, Path workingDirectory, Path jobs, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("--jobs", jobs.toString(), "serve"));
        command.addAll(List.of(arguments));
        ServeProcess serve = new ServeProcess(workingDirectory, filesync.start(command));
        serve.awaitReady();
        return serve;
    }

    private void awaitReady() {
        await("ready line of serve in " + workingDirectory).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("serve exited " + process.exitValue() + " before it was ready:\n"
                                + stdout() + stderr());
                    }
                    return READY.matcher(stdout()).find();
                });
    }

    /** N of the ready line. */
    public int scheduledAtStart() {
        Matcher ready = READY.matcher(stdout());
        if (!ready.find()) {
            throw new IllegalStateException("not ready");
        }
        return Integer.parseInt(ready.group(1));
    }

    /**
     * The address of its console and metrics, as its log names it ({@code --port 0} takes any free
     * port), once they are up: serve starts them after its ready line.
     */
    public URI web() {
        // a Spring Boot web application's start: on this project's busy 2-core machine it has taken 40 s
        await("web side of serve in " + workingDirectory).atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> WEB.matcher(stderr()).find() || stderr().contains("console and metrics not started"));
        Matcher web = WEB.matcher(stderr());
        if (!web.find()) {
            throw new AssertionError("serve did not start its web side:\n" + stderr());
        }
        return URI.create(web.group(1));
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then waits for the exit; returns the exit code. */
    public int terminate(Duration atMost) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("serve did not exit within " + atMost.toSeconds() + " s of SIGTERM:\n" + stderr());
        }
        return process.exitValue();
    }

    /** kill -9. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public String stdout() {
        return read(".stdout");
    }

    public String stderr() {
        return read(".stderr");
    }

    private String read(String name) {
        try {
            Path file = workingDirectory.resolve(name);
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
