package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.JobFiles;
import org.filesync.testing.ServeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** serve, as a process: a console reachable beyond this host without users to log in is never started. */
class ServeFailsClosedTest {

    @TempDir
    Path dir;

    private Map<String, String> environment() {
        return Map.of("FILESYNC_DB_URL", "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE");
    }

    private Path jobs() throws Exception {
        return Files.createDirectories(dir.resolve("jobs"));
    }

    @Test
    void refusesToServeBeyondLoopbackWithoutUsers() throws Exception {
        FilesyncProcess.Result result = new FilesyncProcess(dir, environment())
                .run("--jobs", jobs().toString(), "serve", "--bind", "0.0.0.0", "--port", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).doesNotContain("ready");
        assertThat(result.stderr().lines()).containsExactly("filesync: serve: the console would listen on 0.0.0.0,"
                + " beyond this host, with no users to log in: add users: to the settings file (filesync passwd prints"
                + " a password hash) or bind to 127.0.0.1");
    }

    @Test
    void theSettingsFilesBindCountsToo() throws Exception {
        JobFiles.write(dir, "filesync.yaml", "web:", "  bind: 0.0.0.0");

        FilesyncProcess.Result result = new FilesyncProcess(dir, environment()).run("--jobs", jobs().toString(), "serve");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("with no users to log in");
    }

    @Test
    void servesBeyondLoopbackOnceThereIsAUser() throws Exception {
        String hash = new BCryptPasswordEncoder(4).encode("ops-password");
        JobFiles.write(dir, "filesync.yaml", "users:", "  - name: ops", "    passwordHash: \"" + hash + "\"",
                "    role: operator");

        try (ServeProcess serve = ServeProcess.start(dir.resolve("node"), environment(), jobs(),
                "--config", dir.resolve("filesync.yaml").toString(), "--bind", "0.0.0.0", "--port", "0")) {
            assertThat(serve.scheduledAtStart()).isZero();
            assertThat(serve.terminate(Duration.ofSeconds(30))).isZero();
            assertThat(serve.stderr()).doesNotContain(hash);
        }
    }
}
