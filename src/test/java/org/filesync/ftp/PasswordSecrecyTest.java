package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.filesync.testing.ReplyScriptServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** However a login fails, the password is not in the message that reaches the history. */
class PasswordSecrecyTest {

    @AutoClose
    private final ReplyScriptServer server = ReplyScriptServer.start();

    private FtpException loginFailure(String password) {
        FtpSessionSettings base = server.settings();
        FtpSessionSettings settings = new FtpSessionSettings(base.server(), password, base.throttle());
        return catchThrowableOfType(() -> new CommonsNetSessionFactory(settings).open(), FtpException.class);
    }

    @Test
    void serverClosingOnPassDoesNotRepeatThePassword() {
        server.reply("PASS", "421 Too many failures, closing");

        FtpException failure = loginFailure("hunter2-secret");

        assertThat(failure.replyCode()).isEqualTo(421);
        assertThat(failure.getMessage()).contains("PASS ******", "421").doesNotContain("hunter2-secret");
    }

    @Test
    void passwordWithALineBreakIsRefusedWithoutShowingIt() {
        FtpException failure = loginFailure("hunter3-secret\n");

        assertThat(failure).isInstanceOf(UnsafePathException.class);
        assertThat(failure.getMessage()).contains("PASS", "CR, LF or NUL").doesNotContain("hunter3-secret");
    }
}
