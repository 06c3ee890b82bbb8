package org.filesync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The fixture's own behaviours that other tests rely on, checked with a plain Commons Net client. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BlockModeFtpServerTest {

    @TempDir
    Path remote;

    @Test
    void refusesAWrongPasswordWith530() throws IOException {
        try (var server = BlockModeFtpServer.serving(remote).credentials("mirror", "right").start()) {
            FTPClient ftp = connected(server);
            try {
                assertThat(ftp.login("mirror", "wrong")).isFalse();
                assertThat(ftp.getReplyCode()).isEqualTo(530);
                assertThat(ftp.login("mirror", "right")).isTrue();
            } finally {
                ftp.disconnect();
            }
        }
    }

    @Test
    void resumesAStreamModeDownloadFromAByteOffset() throws IOException {
        Files.writeString(remote.resolve("a.txt"), "0123456789");
        try (var server = BlockModeFtpServer.serving(remote).start()) {
            FTPClient ftp = loggedIn(server);
            ftp.setRestartOffset(4);

            assertThat(readAll(ftp.retrieveFileStream("a.txt"))).isEqualTo("456789");
            assertThat(ftp.completePendingCommand()).isTrue();
            assertThat(server.lastTransfer()).isEqualTo(new DataTransfer("RETR", "/a.txt", false, 4, 6, true));
        }
    }

    @Test
    void cutsAStreamModeDownloadAfterTheConfiguredBytesAndAnswers426() throws IOException {
        Files.writeString(remote.resolve("a.txt"), "0123456789");
        try (var server = BlockModeFtpServer.serving(remote).start()) {
            FTPClient ftp = loggedIn(server);
            server.cutNextTransferAfter(3);

            assertThat(readAll(ftp.retrieveFileStream("a.txt"))).isEqualTo("012");
            assertThat(ftp.completePendingCommand()).isFalse();
            assertThat(ftp.getReplyCode()).isEqualTo(426);
            assertThat(server.lastTransfer().complete()).isFalse();
        }
    }

    @Test
    void refusesByteOffsetRestInBlockModeWhenConfiguredButTakesItsOwnMarkers() throws IOException {
        try (var server = BlockModeFtpServer.serving(remote).refuseByteOffsetRestInBlockMode().start()) {
            FTPClient ftp = loggedIn(server);
            assertThat(ftp.sendCommand("MODE", "B")).isEqualTo(200);

            assertThat(ftp.rest("65536")).isEqualTo(504);
            assertThat(ftp.rest("S10000")).isEqualTo(350);
        }
    }

    @Test
    void answersRenameDeleteAndFolderCommands() throws IOException {
        Files.writeString(remote.resolve("a.txt"), "x");
        try (var server = BlockModeFtpServer.serving(remote).start()) {
            FTPClient ftp = loggedIn(server);

            assertThat(ftp.makeDirectory("sub")).isTrue();
            assertThat(ftp.rename("a.txt", "sub/b.txt")).isTrue();
            assertThat(ftp.changeWorkingDirectory("sub")).isTrue();
            assertThat(ftp.printWorkingDirectory()).isEqualTo("/sub");
            assertThat(ftp.getSize("b.txt")).isEqualTo("1");
            assertThat(ftp.getModificationTime("b.txt")).matches("\\d{14}");
            assertThat(ftp.deleteFile("b.txt")).isTrue();
            assertThat(ftp.changeToParentDirectory()).isTrue();
            assertThat(ftp.removeDirectory("sub")).isTrue();
            assertThat(remote.resolve("sub")).doesNotExist();
        }
    }

    @Test
    void keepsPathsInsideTheServedFolder() throws IOException {
        try (var server = BlockModeFtpServer.serving(remote).start()) {
            FTPClient ftp = loggedIn(server);
            assertThat(ftp.changeWorkingDirectory("../../..")).isTrue();
            assertThat(ftp.printWorkingDirectory()).isEqualTo("/");
        }
    }

    @Test
    void acceptsNoConnectionAfterClose() throws IOException {
        var server = BlockModeFtpServer.serving(remote).start();
        server.close();

        // Usually nothing listens there any more and the connection is refused. A loopback port is
        // soon reused, though (a listener of another process, or a socket connected to itself):
        // whatever answers then, it must not be this server.
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), 2_000);
            socket.setSoTimeout(2_000);
            String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(greeting).isNotEqualTo("220 BlockModeFtpServer ready");
        } catch (ConnectException | SocketTimeoutException expected) {
            // refused, or no greeting at all
        }
    }

    private static FTPClient connected(BlockModeFtpServer server) throws IOException {
        FTPClient ftp = new FTPClient();
        ftp.setDefaultTimeout(20_000);
        ftp.connect(server.host(), server.port());
        return ftp;
    }

    /** Logged in, binary, passive; the server closes it when the test closes the server. */
    private static FTPClient loggedIn(BlockModeFtpServer server) throws IOException {
        FTPClient ftp = connected(server);
        assertThat(ftp.login(server.username(), server.password())).isTrue();
        assertThat(ftp.setFileType(FTP.BINARY_FILE_TYPE)).isTrue();
        ftp.enterLocalPassiveMode();
        return ftp;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (in) {
            in.transferTo(bytes);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
