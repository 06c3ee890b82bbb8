package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.filesync.ftp.CommonsNetSessionFactory;
import org.filesync.ftp.FtpException;
import org.filesync.jobs.PathFilter;
import org.filesync.testing.FtpServerFixture;
import org.filesync.testing.FtpServers;
import org.filesync.testing.ReplyScriptServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Listing whole remote trees over several sessions, on every server of the matrix. */
class RemoteTreeScannerTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FtpServers.class)
    void listsATreeOfThousandsOfEntriesOverSeveralSessions(FtpServers kind) throws Exception {
        try (FtpServerFixture server = kind.start(dir)) {
            Path root = server.localRoot().resolve("tree");
            for (int a = 0; a < 10; a++) {
                for (int b = 0; b < 6; b++) {
                    Path folder = Files.createDirectories(root.resolve("d" + a).resolve("e" + b));
                    for (int f = 0; f < 40; f++) {
                        Files.writeString(folder.resolve("f" + f + ".txt"), "x".repeat(f));
                    }
                }
            }
            try (SessionPool sessions = new SessionPool(new CommonsNetSessionFactory(server.settings()), 3)) {
                TreeListing listing = new RemoteTreeScanner(sessions, 3, new PathFilter(List.of(), List.of()), RetryPolicy.of(0))
                        .scan(server.remote("tree"), false);

                assertThat(listing.files()).hasSize(2400);
                assertThat(listing.directories()).hasSize(70).extracting(TreeEntry::path).contains("d3/e5");
                assertThat(listing.files()).extracting(TreeEntry::path).contains("d9/e5/f39.txt");
                assertThat(listing.isComplete()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FtpServers.class)
    void endsOnSymbolicLinkLoopsAndSaysWhatItDidNotEnter(FtpServers kind) throws Exception {
        try (FtpServerFixture server = kind.start(dir)) {
            Path loop = Files.createDirectories(server.localRoot().resolve("loop/inner"));
            Files.createSymbolicLink(loop.resolve("back"), Path.of(".."));
            try (SessionPool sessions = new SessionPool(new CommonsNetSessionFactory(server.settings()), 2)) {
                TreeListing listing = new RemoteTreeScanner(sessions, 2, new PathFilter(List.of(), List.of()), RetryPolicy.of(0), 6)
                        .scan(server.remote("loop"), false);

                if (kind == FtpServers.VSFTPD || kind == FtpServers.PURE_FTPD || kind == FtpServers.PROFTPD) {
                    // vsftpd's LIST and the MLSD of pure-ftpd and ProFTPD show the link as a link: never followed.
                    assertThat(listing.directories()).extracting(TreeEntry::path).containsExactly("inner");
                    assertThat(listing.ignored()).extracting(RejectedEntry::path).containsExactly("inner/back");
                    assertThat(listing.isComplete()).isTrue();
                } else {
                    // MLSD of these servers shows the link as a folder: the depth bound ends the scan,
                    // says so, and leaves the listing incomplete so that nothing is deleted from it.
                    assertThat(listing.directories()).hasSizeLessThanOrEqualTo(6);
                    assertThat(listing.unlisted()).isNotEmpty()
                            .allSatisfy(e -> assertThat(e.reason()).contains("deeper than 6"));
                    assertThat(listing.isComplete()).isFalse();
                }
            }
        }
    }

    @Test
    void logsInEveryListerFromTheStartNotWhenTheRootsFoldersArrive() throws Exception {
        // The root's refusal comes after a moment, as a real listing takes one: a lister whose thread starts
        // only after the refusal would take the root lister's idle session and log in no more.
        try (ReplyScriptServer server = ReplyScriptServer.start().reply("LIST", "550 cannot list")
                .delay("LIST", Duration.ofSeconds(2));
             SessionPool sessions = new SessionPool(new CommonsNetSessionFactory(server.settings()), 3)) {
            RemoteTreeScanner scanner = new RemoteTreeScanner(sessions, 3, new PathFilter(List.of(), List.of()),
                    RetryPolicy.of(0));

            assertThatThrownBy(() -> scanner.scan("/", false)).isInstanceOf(FtpException.class);
            // The root never gave a folder to list, yet the other listers logged in: before, only the root's
            // lister did. One of them may still lose the race with the root's refusal (it then logs in when it
            // takes a folder, here never), so at least one besides the root's.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.commands())
                    .filteredOn(command -> command.startsWith("USER")).hasSizeGreaterThanOrEqualTo(2));
        }
    }
}
