package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.filesync.ftp.CommonsNetSessionFactory;
import org.filesync.ftp.FtpConnectionException;
import org.filesync.ftp.FtpReplyException;
import org.filesync.ftp.FtpSession;
import org.filesync.testing.ReplyScriptServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class SessionPoolTest {

    @AutoClose
    private final ReplyScriptServer server = ReplyScriptServer.start();
    @AutoClose("shutdownNow")
    private final ExecutorService borrowers = Executors.newFixedThreadPool(2);

    @Test
    void borrowDoesNotWaitWhileAnotherBorrowChecksASilentSession() throws Exception {
        try (SessionPool pool = new SessionPool(new CommonsNetSessionFactory(server.settings()))) {
            pool.release(pool.borrow());
            server.neverAnswer("NOOP");
            // takes the idle session and waits for its NOOP reply, up to the idle timeout (10 s)
            Future<FtpSession> checking = borrowers.submit(pool::borrow);
            await().atMost(Duration.ofSeconds(5)).until(() -> server.commands().contains("NOOP"));

            FtpSession fresh = borrowers.submit(pool::borrow).get(3, TimeUnit.SECONDS);

            assertThat(fresh).isNotNull();
            assertThat(checking).isNotDone();
            pool.abort();
        }
    }

    @Test
    void executeGivesBackASessionWhoseCallbackSucceededOrWasRefused() throws Exception {
        server.reply("DELE", "550 no such file");
        try (SessionPool pool = new SessionPool(new CommonsNetSessionFactory(server.settings()))) {
            FtpSession used = pool.execute(session -> session);
            assertThatThrownBy(() -> pool.executeWithoutResult(session -> session.delete("gone")))
                    .isInstanceOf(FtpReplyException.class);

            assertThat(pool.<FtpSession>execute(session -> session)).isSameAs(used);
        }
    }

    @Test
    void executeDiscardsTheSessionWhenItsConnectionWasLost() throws Exception {
        try (SessionPool pool = new SessionPool(new CommonsNetSessionFactory(server.settings()))) {
            AtomicReference<FtpSession> lost = new AtomicReference<>();
            assertThatThrownBy(() -> pool.executeWithoutResult(session -> {
                lost.set(session);
                throw new FtpConnectionException("control connection lost", null, false, true);
            })).isInstanceOf(FtpConnectionException.class);

            assertThat(pool.<FtpSession>execute(session -> session)).isNotSameAs(lost.get());
        }
    }

    @Test
    void executeDiscardsTheSessionAfterAnUnforeseenFailure() throws Exception {
        try (SessionPool pool = new SessionPool(new CommonsNetSessionFactory(server.settings()))) {
            AtomicReference<FtpSession> failed = new AtomicReference<>();
            assertThatThrownBy(() -> pool.executeWithoutResult(session -> {
                failed.set(session);
                throw new IllegalStateException("a bug in the callback");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(pool.<FtpSession>execute(session -> session)).isNotSameAs(failed.get());
        }
    }
}
