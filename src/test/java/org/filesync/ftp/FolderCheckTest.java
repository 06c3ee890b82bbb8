package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.filesync.testing.ReplyScriptServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The folder check without MLST (CWD there and back) against servers that refuse PWD or answer CWD oddly. */
class FolderCheckTest {

    @AutoClose
    private final ReplyScriptServer server = ReplyScriptServer.start();

    @ParameterizedTest(name = "PWD answered {0}")
    @ValueSource(strings = {"550 not allowed", "502 not implemented"})
    void findsAFolderWhenPwdIsRefused(String pwdReply) throws Exception {
        server.reply("PWD", pwdReply).reply("CWD", "250 ok");
        try (FtpSession session = server.openSession()) {
            assertThat(session.isDirectory("pub")).isTrue();
        }
    }

    @Test
    void endsTheSessionThatCouldNotReturnToItsLoginFolder() throws Exception {
        server.reply("PWD", "550 not allowed").reply("CWD", "250 ok");
        try (FtpSession session = server.openSession()) {
            session.isDirectory("pub");

            assertThat(session.isAlive()).isFalse();
        }
    }

    @Test
    void findsNoFolderWhereCwdIsRefusedPermanently() throws Exception {
        server.reply("PWD", "257 \"/\" is the current folder").reply("CWD", "550 no such folder");
        try (FtpSession session = server.openSession()) {
            assertThat(session.isDirectory("pub")).isFalse();
        }
    }

    @Test
    void reportsATransientCwdFailureRatherThanAMissingFolder() throws Exception {
        server.reply("PWD", "257 \"/\" is the current folder").reply("CWD", "450 try again later");
        try (FtpSession session = server.openSession()) {
            FtpReplyException e = catchThrowableOfType(() -> session.isDirectory("pub"), FtpReplyException.class);

            assertThat(e.replyCode()).isEqualTo(450);
            assertThat(e.isTransient()).isTrue();
        }
    }
}
