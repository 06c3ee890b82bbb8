package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.filesync.testing.ReplyScriptServer;
import org.filesync.testing.TestFiles;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyClassificationTest {

    @TempDir
    Path dir;

    @AutoClose
    private final ReplyScriptServer server = ReplyScriptServer.start();

    @ParameterizedTest(name = "RETR answered {0}")
    @CsvSource({
            "450 file busy, true, false",
            "451 local error, true, false",
            "550 no such file, false, false",
            "421 shutting down, true, true"})
    void classifiesRefusedDownloadByReplyCode(String reply, boolean transientFailure, boolean lost) throws Exception {
        server.reply("RETR", reply);
        try (FtpSession session = server.openSession()) {
            FtpReplyException e = catchThrowableOfType(() -> session.retrieve("/f.bin", dir.resolve("f"),
                    RestartPoint.START, TransferListener.NONE), FtpReplyException.class);

            assertThat(e.replyCode()).isEqualTo(Integer.parseInt(reply.substring(0, 3)));
            assertThat(e.isTransient()).isEqualTo(transientFailure);
            assertThat(e.connectionLost()).isEqualTo(lost);
            assertThat(e.getMessage()).contains("RETR /f.bin").contains(reply);
            assertThat(session.isAlive()).isEqualTo(!lost);
        }
    }

    @Test
    void reportsTransferAbortedAfterPreliminaryReplyAsTransientWithSessionUsable() throws Exception {
        server.reply("RETR", "150 here it comes\r\n426 connection closed; transfer aborted");
        try (FtpSession session = server.openSession()) {
            FtpReplyException e = catchThrowableOfType(() -> session.retrieve("/f.bin", dir.resolve("f"),
                    RestartPoint.START, TransferListener.NONE), FtpReplyException.class);

            assertThat(e.replyCode()).isEqualTo(426);
            assertThat(e.isTransient()).isTrue();
            assertThat(e.connectionLost()).isFalse();
            assertThat(session.isAlive()).isTrue();
        }
    }

    @ParameterizedTest(name = "STOR answered {0}")
    @CsvSource({
            "452 insufficient storage, true",
            "553 file name not allowed, false",
            "550 permission denied, false"})
    void classifiesRefusedUploadByReplyCode(String reply, boolean transientFailure) throws Exception {
        server.reply("STOR", reply);
        Path file = TestFiles.random(dir.resolve("up.bin"), 1000, 1);
        try (FtpSession session = server.openSession()) {
            FtpReplyException e = catchThrowableOfType(() -> session.store(file, "/up.bin", RestartPoint.START,
                    TransferListener.NONE), FtpReplyException.class);

            assertThat(e.replyCode()).isEqualTo(Integer.parseInt(reply.substring(0, 3)));
            assertThat(e.isTransient()).isEqualTo(transientFailure);
            assertThat(e.getMessage()).contains(reply);
        }
    }

    @Test
    void reportsWrongPasswordAsLoginRefused() {
        server.reply("PASS", "530 Login incorrect.");
        FtpReplyException e = catchThrowableOfType(server::openSession, FtpReplyException.class);

        assertThat(e.replyCode()).isEqualTo(530);
        assertThat(e.isTransient()).isFalse();
        assertThat(e.getMessage()).contains("login refused").contains("530 Login incorrect.");
    }

    @Test
    void reportsAccountRequirementClearly() {
        server.reply("PASS", "332 Need account for login.");
        FtpReplyException e = catchThrowableOfType(server::openSession, FtpReplyException.class);

        assertThat(e.replyCode()).isEqualTo(332);
        assertThat(e.getMessage()).contains("server requires an account (ACCT)");
    }

    @Test
    void reportsGreetingWith421AsLostConnection() {
        server.reply("CONNECT", "421 too many users, try later");
        FtpReplyException e = catchThrowableOfType(server::openSession, FtpReplyException.class);

        assertThat(e.replyCode()).isEqualTo(421);
        assertThat(e.connectionLost()).isTrue();
        assertThat(e.isTransient()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "CONNECT | 421 There are too many connections from your internet address. | true",
            "CONNECT | 421 Too many connections from the same IP address. | true",
            "PASS | 530 Sorry, the maximum number of clients (2) from your host are already connected. | true",
            "PASS | 530 Login incorrect. | false",
            "PASS | 421 Too many failures, closing | false"})
    void tellsConnectionLimitFromOtherRefusals(String command, String reply, boolean limit) {
        server.reply(command, reply);
        FtpReplyException e = catchThrowableOfType(server::openSession, FtpReplyException.class);

        assertThat(e.isConnectionLimit()).isEqualTo(limit);
    }

    @Test
    void keepsWholeMultiLineReplyTextInException() throws Exception {
        server.reply("DELE", "550-first line of the reason\r\n second line\r\n550 last line");
        try (FtpSession session = server.openSession()) {
            FtpReplyException e = catchThrowableOfType(() -> session.delete("/x"), FtpReplyException.class);

            assertThat(e.replyText()).contains("first line of the reason").contains("second line").contains("last line");
        }
    }
}
