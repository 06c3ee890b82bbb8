package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.filesync.testing.FtpServerFixture;
import org.filesync.testing.FtpServers;
import org.filesync.testing.TestFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ListingAndFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FtpServers.class)
    void listsFilesFoldersAndSymlinksWithSizesAndTimes(FtpServers kind) throws Exception {
        try (FtpServerFixture server = kind.start(dir)) {
            TestFiles.random(server.localRoot().resolve("docs/a.bin"), 1234, 1);
            Files.createDirectories(server.localRoot().resolve("docs/sub"));
            Files.createSymbolicLink(server.localRoot().resolve("docs/link"), Path.of("a.bin"));
            try (FtpSession session = server.openSession()) {
                boolean mlsd = session.features().mlst();
                List<RemoteEntry> entries = session.list(server.remote("docs"));

                RemoteEntry file = entries.stream().filter(e -> e.name().equals("a.bin")).findFirst().orElseThrow();
                assertThat(file.type()).isEqualTo(EntryType.FILE);
                assertThat(file.size()).isEqualTo(1234);
                assertThat(file.path()).isEqualTo(server.remote("docs/a.bin"));
                assertThat(file.modified()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(
                        2, java.time.temporal.ChronoUnit.DAYS));
                assertThat(file.precision()).isEqualTo(mlsd ? TimePrecision.EXACT : TimePrecision.MINUTE);
                assertThat(entries).filteredOn(e -> e.name().equals("sub")).singleElement()
                        .extracting(RemoteEntry::type).isEqualTo(EntryType.DIRECTORY);
                assertThat(entries).extracting(RemoteEntry::name).doesNotContain(".", "..");
                assertThat(entries).noneMatch(RemoteEntry::isRejected);
                if (kind == FtpServers.VSFTPD) {
                    assertThat(mlsd).isFalse();
                    RemoteEntry link = entries.stream().filter(e -> e.name().equals("link")).findFirst().orElseThrow();
                    assertThat(link.type()).isEqualTo(EntryType.SYMLINK);
                    assertThat(link.linkTarget()).isEqualTo("a.bin");
                } else {
                    assertThat(mlsd).isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FtpServers.class)
    void managesRemoteFilesAndFolders(FtpServers kind) throws Exception {
        try (FtpServerFixture server = kind.start(dir)) {
            Path local = TestFiles.random(dir.resolve("f.bin"), 4096, 9);
            try (FtpSession session = server.openSession()) {
                String folder = server.remote("made");
                session.makeDirectory(folder);
                session.makeDirectory(folder);
                String part = folder + "/.f.bin.filesync-part";
                session.store(local, part, RestartPoint.START, TransferListener.NONE);
                session.rename(part, folder + "/f.bin");

                assertThat(session.size(folder + "/f.bin")).hasValue(4096);
                assertThat(session.size(part)).isEmpty();
                assertThat(session.modificationTime(folder + "/f.bin")).get()
                        .satisfies(t -> assertThat(t).isAfter(Instant.now().minusSeconds(3600)));
                Instant past = Instant.parse("2020-02-03T04:05:06Z");
                if (session.setModificationTime(folder + "/f.bin", past)) {
                    assertThat(session.modificationTime(folder + "/f.bin")).hasValue(past);
                }

                session.delete(folder + "/f.bin");
                session.removeDirectory(folder);
                assertThat(session.list(server.remoteRoot())).extracting(RemoteEntry::name).doesNotContain("made");
                FtpReplyException missing = catchThrowableOfType(() -> session.delete(folder + "/gone"),
                        FtpReplyException.class);
                // Apache FtpServer says 450 (transient) where the others say 550 (permanent).
                assertThat(missing.replyCode()).isIn(450, 550);
                assertThat(missing.isTransient()).isEqualTo(missing.replyCode() == 450);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FtpServers.class)
    void computesChecksumWhereServerOffersOne(FtpServers kind) throws Exception {
        try (FtpServerFixture server = kind.start(dir)) {
            byte[] content = Files.readAllBytes(TestFiles.random(server.localRoot().resolve("sum.bin"), 100_000, 5));
            try (FtpSession session = server.openSession()) {
                ChecksumAnswer answer = session.checksum(server.remote("sum.bin"));
                switch (kind) {
                    // MD5 (251 reply)
                    case APACHE_FTPSERVER -> assertThat(answer).isEqualTo(computed(ChecksumAlgorithm.MD5, content));
                    // HASH, answered on two lines, with mod_digest's default algorithm
                    case PROFTPD -> assertThat(answer).isEqualTo(computed(ChecksumAlgorithm.SHA_1, content));
                    default -> assertThat(answer).isInstanceOfSatisfying(ChecksumAnswer.Unavailable.class,
                            none -> assertThat(none.reason()).contains("offers no checksum command"));
                }
            }
        }
    }

    private static ChecksumAnswer computed(ChecksumAlgorithm algorithm, byte[] content) throws Exception {
        return new ChecksumAnswer.Computed(new Checksum(algorithm, java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance(algorithm.hashName()).digest(content))));
    }

    @ParameterizedTest
    @EnumSource(value = FtpServers.class, names = {"APACHE_FTPSERVER", "PYFTPDLIB"})
    void refusesLoginWithWrongPassword(FtpServers kind) {
        try (FtpServerFixture server = kind.start(dir)) {
            FtpSessionSettings s = server.settings();
            FtpSessionSettings wrong = new FtpSessionSettings(s.server(), "wrong", s.throttle());
            FtpReplyException e = catchThrowableOfType(() -> new CommonsNetSessionFactory(wrong).open(),
                    FtpReplyException.class);

            assertThat(e.replyCode()).isEqualTo(530);
            assertThat(e.getMessage()).contains("login refused").doesNotContain("wrong");
        }
    }
}
