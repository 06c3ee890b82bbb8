package org.filesync.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.JobFiles;
import org.filesync.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} started while a short command holds the H2 file waits until it serves the file
 * itself, so that commands beside it come and go as its clients rather than it as theirs.
 */
class ServeOwnsTheH2FileTest {

    @TempDir
    Path dir;

    @Test
    void serveOpensTheFileAsItsServerOnceTheCommandThatOpenedItFirstIsDone() throws Exception {
        TestFiles.random(dir.resolve("served/slow/file.bin"), 3 << 20, 1);
        String url = "jdbc:h2:file:" + dir.resolve("data/filesync");
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"))) {
            JobFiles.ftpJob(dir.resolve("jobs"), "slow", server.port(), "slow", "bandwidthLimit: 1MB");
            Process run = new FilesyncProcess(dir, Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD,
                    "FILESYNC_DB_URL", url)).start(List.of("run", "slow"));
            Path partial = dir.resolve("mirror/slow/.file.bin.filesync-part");
            try {
                while (!Files.exists(partial)) {
                    assertThat(run.isAlive()).as("the run holds the file while it transfers").isTrue();
                    Thread.sleep(10);
                }
                try (Database database = Database.openToServe(DatabaseSettings.resolve(url, Map.of()), 2)) {
                    assertThat(run.isAlive()).as("serve waited for the run that served the file").isFalse();
                    assertThat(database.servesTheFile()).isTrue();
                }
            } finally {
                run.destroyForcibly().waitFor();
            }
        }
    }
}
