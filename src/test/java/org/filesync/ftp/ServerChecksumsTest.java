package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.filesync.testing.ReplyScriptServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Which checksum command a session sends, and what a refusal comes to, against a scripted server. */
class ServerChecksumsTest {

    private static final String SHA256 = "a38ba795e82c31db84fa061f4212309ab93cc46ff22702ed1675326e4d5e8937";

    @AutoClose
    private final ReplyScriptServer server = ReplyScriptServer.start();

    @Test
    void choosesAnAlgorithmFilesyncComputesWhenTheServersSelectedOneIsUnknown() throws Exception {
        server.features("SIZE", "HASH TIGER*;SHA-1;SHA-256;").reply("HASH", "213 SHA-256 0-9 " + SHA256 + " f");
        try (FtpSession session = server.openSession()) {
            ChecksumAnswer first = session.checksum("/f");
            session.checksum("/f");

            assertThat(first).isEqualTo(new ChecksumAnswer.Computed(new Checksum(ChecksumAlgorithm.SHA_256, SHA256)));
            assertThat(server.commands()).containsSubsequence("OPTS HASH SHA-256", "HASH /f", "HASH /f")
                    .containsOnlyOnce("OPTS HASH SHA-256");
        }
    }

    @Test
    void usesTheSelectedAlgorithmWithoutOptsWhenFilesyncComputesIt() throws Exception {
        server.features("HASH SHA-256;SHA-1*;MD5").reply("HASH", "213 SHA-1 0-9 27b512da0543ed542f561142e421213aa7881f68 f");
        try (FtpSession session = server.openSession()) {
            assertThat(session.checksum("/f")).isInstanceOf(ChecksumAnswer.Computed.class);
            assertThat(server.commands()).noneMatch(command -> command.startsWith("OPTS HASH"));
        }
    }

    @Test
    void triesTheNextCommandWhenOneIsRefusedAndSaysWhyWhenAllAre() throws Exception {
        server.features("HASH SHA-1*", "XSHA256", "XMD5").reply("HASH", "502 not implemented")
                .reply("XSHA256", "550 permission denied").reply("XMD5", "250 01F35AAFFE1CBFA0536F3A0F9A90728E");
        try (FtpSession session = server.openSession()) {
            assertThat(session.checksum("/f")).isEqualTo(new ChecksumAnswer.Computed(
                    new Checksum(ChecksumAlgorithm.MD5, "01f35aaffe1cbfa0536f3a0f9a90728e")));

            server.reply("XMD5", "504 not for this file");
            ChecksumAnswer second = session.checksum("/g");

            assertThat(second).isInstanceOfSatisfying(ChecksumAnswer.Unavailable.class, none -> assertThat(none.reason())
                    .isEqualTo("the server refused XSHA256 (550 permission denied); "
                            + "the server refused XMD5 (504 not for this file)"));
            // a command answered "not implemented" is not sent again on the session
            assertThat(server.commands()).containsOnlyOnce("HASH /f").doesNotContain("HASH /g");
        }
    }

    @Test
    void saysSoWhenTheServerOffersNoChecksumCommand() throws Exception {
        server.features("SIZE", "MDTM");
        try (FtpSession session = server.openSession()) {
            assertThat(session.checksum("/f")).isInstanceOfSatisfying(ChecksumAnswer.Unavailable.class,
                    none -> assertThat(none.reason()).startsWith("the server offers no checksum command"));
            assertThat(server.commands()).doesNotContain("XMD5 /f", "HASH /f");
        }
    }

    @Test
    void saysSoWhenHashOffersNoAlgorithmFilesyncComputes() throws Exception {
        server.features("HASH TIGER*;BLAKE2");
        try (FtpSession session = server.openSession()) {
            assertThat(session.checksum("/f")).isInstanceOfSatisfying(ChecksumAnswer.Unavailable.class,
                    none -> assertThat(none.reason()).contains("HASH offers only TIGER*;BLAKE2"));
            assertThat(server.commands()).doesNotContain("HASH /f");
        }
    }

    @Test
    void aBusyFileIsATransientFailure() throws Exception {
        server.features("HASH SHA-1*").reply("HASH", "450 file busy");
        try (FtpSession session = server.openSession()) {
            FtpReplyException e = catchThrowableOfType(() -> session.checksum("/f"), FtpReplyException.class);

            assertThat(e.isTransient()).isTrue();
            assertThat(e.getMessage()).contains("HASH /f").contains("450 file busy");
        }
    }
}
