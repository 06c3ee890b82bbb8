package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.ServeProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** target/filesync-VERSION.tar.gz, unpacked elsewhere, runs with a Java runtime alone: no build, no source tree. */
class DistributionArchiveTest {

    @TempDir
    Path dir;

    private Path home;
    private Path work;
    private FilesyncProcess filesync;

    @BeforeEach
    void unpack() throws Exception {
        List<Path> archives = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(Path.of("target"), "filesync-*.tar.gz")) {
            found.forEach(archives::add);
        }
        assertThat(archives).as("the distribution archive in target/").hasSize(1);
        Process tar = new ProcessBuilder("tar", "xzf", archives.get(0).toAbsolutePath().toString(), "-C", dir.toString())
                .inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        try (DirectoryStream<Path> unpacked = Files.newDirectoryStream(dir, "filesync-*")) {
            home = unpacked.iterator().next();
        }
        work = Files.createDirectories(dir.resolve("work"));
        String javaOnly = Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin";
        filesync = FilesyncProcess.launcher(home.resolve("bin/filesync"), work, Map.of("PATH", javaOnly));
    }

    @Test
    void validatesTheExampleJobsAndRunsTheDemo() throws Exception {
        FilesyncProcess.Result validate = filesync.run("--jobs", home.resolve("examples/jobs").toString(), "validate");
        FilesyncProcess.Result demo = filesync.run("demo");

        assertThat(validate.exitCode()).as(validate.all()).isZero();
        assertThat(validate.stdout()).contains("2 job(s) valid");
        assertThat(demo.exitCode()).as(demo.all()).isZero();
        assertThat(demo.stdout()).contains("run 2 of demo: COMPLETED — 0 transferred, 48 skipped");
        assertThat(home.resolve("pom.xml")).doesNotExist();
        assertThat(home.resolve("target")).as("nothing was built").doesNotExist();
        assertThat(home.resolve("README.md")).isNotEmptyFile();
        assertThat(home.resolve("filesync.example.yaml")).content().startsWith("# AN EXAMPLE").contains("retention: 90d");
    }

    @Test
    void serveStopsOnSigtermWithExitZeroWithinTheServiceUnitsStopTimeout() throws Exception {
        Duration stopTimeout = stopTimeout(home.resolve("filesync.service"));
        assertThat(stopTimeout).as("longer than serve's own 30 s to stop").isGreaterThan(Duration.ofSeconds(30));
        ServeProcess serve = ServeProcess.start(filesync, work, Files.createDirectories(work.resolve("jobs")),
                "--port", "0");

        assertThat(serve.terminate(stopTimeout)).as(serve.stderr()).isZero();
    }

    private static Duration stopTimeout(Path unit) throws IOException {
        Matcher timeout = Pattern.compile("(?m)^TimeoutStopSec=(\\d+)$").matcher(Files.readString(unit));
        assertThat(timeout.find()).as("TimeoutStopSec in " + unit).isTrue();
        return Duration.ofSeconds(Long.parseLong(timeout.group(1)));
    }
}
