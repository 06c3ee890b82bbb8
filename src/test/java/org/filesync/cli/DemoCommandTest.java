package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.filesync.testing.FilesyncProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, as a new user runs it in an empty folder. */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void demoMirrorsTheSampleTreeThenMovesNothingAndPrintsTheHistory() throws Exception {
        FilesyncProcess.Result demo = new FilesyncProcess(dir, Map.of()).run("demo");

        assertThat(demo.exitCode()).as(demo.stderr()).isZero();
        assertThat(demo.stdout()).contains("run 1 of demo: COMPLETED — 48 transferred",
                "run 2 of demo: COMPLETED — 0 transferred, 48 skipped", "RUN  JOB");
        assertThat(dir.resolve("demo-mirror/docs/Übersicht – café.txt")).hasContent("UTF-8 names work too");
        assertThat(dir.resolve("demo-mirror/empty folder")).isDirectory();
        assertThat(Files.size(dir.resolve("demo-mirror/releases/1.1/app-1.1.tar.gz"))).isEqualTo(3 << 20);
        assertThat(dir.resolve("data")).isDirectory();
    }
}
