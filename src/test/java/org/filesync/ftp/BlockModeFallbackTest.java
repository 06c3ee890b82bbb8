package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.filesync.testing.BlockModeFtpServer;
import org.filesync.testing.DataTransfer;
import org.filesync.testing.ReplyScriptServer;
import org.filesync.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code transferMode: block} against servers without block mode: the ones that say so, and one that pretends. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BlockModeFallbackTest {

    private static final long SIZE = 3 * 1024 * 1024 + 17;

    @TempDir
    Path remote;
    @TempDir
    Path local;

    @Test
    void transfersInStreamModeAndResumesAtByteOffsetsWhenModeBIsRefused() throws Exception {
        Path original = TestFiles.random(remote.resolve("big.bin"), SIZE, 21);
        Path partial = local.resolve("big.part");
        try (var server = BlockModeFtpServer.serving(remote).refuseBlockMode().start();
             FtpSession session = new CommonsNetSessionFactory(BlockModeSessionTest.blockMode(server)).open()) {
            server.cutNextTransferAfter(1_000_000);
            var firstAttempt = new BlockModeSessionTest.LastProgress();
            FtpException failure = catchThrowableOfType(
                    () -> session.retrieve("/big.bin", partial, RestartPoint.START, SIZE, firstAttempt), FtpException.class);
            assertThat(failure.isTransient()).as("%s", failure).isTrue();
            RestartPoint confirmed = firstAttempt.confirmed;
            assertThat(confirmed.marker()).isNull();
            assertThat(confirmed.offset()).isPositive().isEqualTo(Files.size(partial));

            TransferResult resumed = session.retrieve("/big.bin", partial, confirmed, SIZE, TransferListener.NONE);

            assertThat(resumed.resumedFrom()).isEqualTo(confirmed);
            assertThat(server.lastTransfer()).isEqualTo(
                    new DataTransfer("RETR", "/big.bin", false, confirmed.offset(), SIZE - confirmed.offset(), true));
            assertThat(server.transfers()).noneMatch(DataTransfer::blockMode);
            assertThat(Files.mismatch(original, partial)).isEqualTo(-1);
        }
    }

    @Test
    void saysOncePerFactoryThatTheServerRefusesBlockMode() throws Exception {
        Logger factoryLog = (Logger) LoggerFactory.getLogger(CommonsNetSessionFactory.class);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        factoryLog.addAppender(appender);
        try (var server = BlockModeFtpServer.serving(remote).refuseBlockMode().start()) {
            var factory = new CommonsNetSessionFactory(BlockModeSessionTest.blockMode(server));
            try (FtpSession first = factory.open(); FtpSession second = factory.open()) {
                assertThat(first.list("/")).isEmpty();
                assertThat(second.list("/")).isEmpty();
            }
        } finally {
            factoryLog.detachAppender(appender);
        }
        assertThat(appender.list).filteredOn(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .singleElement().asString().contains("refuses block mode", "504");
    }

    @Test
    void listsAgainInStreamModeWhenAListingAfterAnAcceptedModeBIsStreamData() throws Exception {
        // ReplyScriptServer answers MODE B with 200 and then sends stream-mode bytes: '-' (0x2D) is
        // no descriptor RFC 959 assigns.
        try (var server = ReplyScriptServer.start()) {
            server.data("-rw-r--r-- 1 ftp ftp 3 Jan 01 2020 a.txt\r\n");
            try (FtpSession session = new CommonsNetSessionFactory(liar(server)).open()) {
                List<RemoteEntry> entries = session.list("/");

                assertThat(entries).extracting(RemoteEntry::name).containsExactly("a.txt");
                assertThat(server.commands()).containsSubsequence("MODE B", "LIST /", "MODE S", "LIST /");
            }
        }
    }

    @Test
    void fetchesADownloadThatTurnsOutNotToBeBlockModeAgainWholeInStreamMode() throws Exception {
        // Its first 8 bytes parse as a 5-byte data block; then 0xC3 (UTF-8 of \u00ff) has unassigned bits.
        String content = "\u0000\u0000\u0005hello\u00ff and the rest of a stream-mode file";
        try (var server = ReplyScriptServer.start()) {
            server.data(content);
            Path partial = local.resolve("file.part");
            try (FtpSession session = new CommonsNetSessionFactory(liar(server)).open()) {
                TransferResult result = session.retrieve("/file.bin", partial, RestartPoint.START, TransferListener.NONE);

                assertThat(result.resumedFrom()).isEqualTo(RestartPoint.START);
                assertThat(partial).hasBinaryContent(content.getBytes(StandardCharsets.UTF_8));
                assertThat(server.commands()).containsSubsequence("MODE B", "RETR /file.bin", "MODE S", "RETR /file.bin");
            }
        }
    }

    @Test
    void saysOncePerFactoryThatTheServerSendsStreamDataInBlockModeAndOpensLaterSessionsInStreamMode() throws Exception {
        Logger factoryLog = (Logger) LoggerFactory.getLogger(CommonsNetSessionFactory.class);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        factoryLog.addAppender(appender);
        try (var server = ReplyScriptServer.start()) {
            server.data("-rw-r--r-- 1 ftp ftp 3 Jan 01 2020 a.txt\r\n");
            var factory = new CommonsNetSessionFactory(liar(server));
            try (FtpSession first = factory.open(); FtpSession second = factory.open()) {
                first.list("/");
                second.list("/");
                try (FtpSession third = factory.open()) {
                    int before = server.commands().size();

                    third.list("/");

                    assertThat(server.commands().subList(before, server.commands().size())).doesNotContain("MODE B", "MODE S");
                }
            }
        } finally {
            factoryLog.detachAppender(appender);
        }
        assertThat(appender.list).filteredOn(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .singleElement().asString().contains("accepted MODE B but sends stream data");
    }

    /** Block-mode settings for a ReplyScriptServer, which says 200 to MODE B and then sends its data as it is. */
    private static FtpSessionSettings liar(ReplyScriptServer server) {
        return BlockModeSessionTest.blockMode(server.host(), server.port(), server.username(), server.password());
    }
}
