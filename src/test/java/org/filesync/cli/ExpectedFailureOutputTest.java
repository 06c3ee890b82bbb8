package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.JobFiles;
import org.filesync.testing.TestCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that fails for a reason the operator can act on says so in one line on stderr and in the
 * run's {@code error}, without a Java stack trace, Spring Batch's step-failure logging included.
 */
class ExpectedFailureOutputTest {

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at ");
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[\\w.$]*(Exception|Error)\\b");

    @TempDir
    Path dir;

    private FilesyncProcess filesync(String password) {
        return new FilesyncProcess(dir, Map.of("FTP_PASSWORD", password,
                "FILESYNC_DB_URL", "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE"));
    }

    @Test
    void untrustedCertificateIsOneLineWithoutTrace() throws Exception {
        TestCertificate selfSigned = TestCertificate.forLoopback(dir.resolve("tls"));
        try (ApacheFtpServer server = ApacheFtpServer.startExplicitTls(dir.resolve("served"), selfSigned)) {
            JobFiles.ftpJob(dir.resolve("jobs"), "secure", server.port(), "", "  tls: explicit");

            assertFailsWithOneLine(filesync(ApacheFtpServer.PASSWORD), "secure",
                    "TLS certificate of 127.0.0.1:" + server.port() + " not trusted");
        }
    }

    @Test
    void wrongPasswordIsOneLineWithoutTrace() throws Exception {
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"))) {
            JobFiles.ftpJob(dir.resolve("jobs"), "pub", server.port(), "");

            String stderr = assertFailsWithOneLine(filesync("not-the-password"), "pub", "login refused");
            assertThat(stderr).doesNotContain("not-the-password");
        }
    }

    @Test
    void unreachableHostIsOneLineWithoutTrace() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JobFiles.ftpJob(dir.resolve("jobs"), "nowhere", closedPort, "", "  connectTimeout: 3s");

        assertFailsWithOneLine(filesync("x"), "nowhere", "connection refused by 127.0.0.1:" + closedPort);
    }

    @Test
    void missingRemoteFolderIsOneLineWithoutTrace() throws Exception {
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"))) {
            JobFiles.ftpJob(dir.resolve("jobs"), "gone", server.port(), "%2Fno-such-folder");

            assertFailsWithOneLine(filesync(ApacheFtpServer.PASSWORD), "gone", "/no-such-folder");
        }
    }

    /** Runs the job, checks the one line, and returns stderr. */
    private String assertFailsWithOneLine(FilesyncProcess filesync, String job, String cause) throws Exception {
        FilesyncProcess.Result run = filesync.run("run", job);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.stderr()).as("no stack frame").doesNotContainPattern(STACK_FRAME);
        assertThat(run.stderr()).as("no exception class").doesNotContainPattern(EXCEPTION_NAME);
        List<String> causeLines = run.stderr().lines().filter(line -> line.contains(cause)).toList();
        assertThat(causeLines).as(run.stderr()).isNotEmpty();
        assertThat(causeLines).allSatisfy(line -> assertThat(line).contains(job));

        JsonNode runs = JsonOutput.mapper().readTree(filesync.run("history", job, "--json").stdout());
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("status").asText()).isEqualTo("FAILED");
        String error = runs.get(0).get("error").asText();
        assertThat(error).contains(cause).doesNotContain("\n").doesNotContainPattern(EXCEPTION_NAME);
        assertThat(causeLines).anySatisfy(line -> assertThat(line).contains(error));
        return run.stderr();
    }
}
