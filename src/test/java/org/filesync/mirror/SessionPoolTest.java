package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.filesync.ftp.CommonsNetSessionFactory;
import org.filesync.ftp.FtpConnectionException;
import org.filesync.ftp.FtpException;
import org.filesync.ftp.FtpReplyException;
import org.filesync.ftp.FtpSession;
import org.filesync.testing.ReplyScriptServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SessionPoolTest {

    @AutoClose
    private final ReplyScriptServer server = ReplyScriptServer.start();
    @AutoClose("shutdownNow")
    private final ExecutorService borrowers = Executors.newFixedThreadPool(2);

    @Test
    void borrowDoesNotWaitWhileAnotherBorrowChecksASilentSession() throws Exception {
        try (SessionPool pool = new SessionPool(new CommonsNetSessionFactory(server.settings()), 2)) {
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
        try (SessionPool pool = new SessionPool(new CommonsNetSessionFactory(server.settings()), 2)) {
            FtpSession used = pool.execute(session -> session);
            assertThatThrownBy(() -> pool.executeWithoutResult(session -> session.delete("gone")))
                    .isInstanceOf(FtpReplyException.class);

            assertThat(pool.<FtpSession>execute(session -> session)).isSameAs(used);
        }
    }

    static Stream<Exception> failuresThatEndTheSession() {
        return Stream.of(new FtpConnectionException("control connection lost", null, false, true),
                new IllegalStateException("a bug in the callback"));
    }

    @ParameterizedTest
    @MethodSource("failuresThatEndTheSession")
    void executeDiscardsTheSessionWhenItsConnectionWasLostOrTheCallbackFailedUnforeseen(Exception failure)
            throws Exception {
        try (SessionPool pool = new SessionPool(new CommonsNetSessionFactory(server.settings()), 2)) {
            AtomicReference<FtpSession> failed = new AtomicReference<>();
            assertThatThrownBy(() -> pool.executeWithoutResult(session -> {
                failed.set(session);
                if (failure instanceof FtpException ftp) {
                    throw ftp;
                }
                throw (RuntimeException) failure;
            })).isSameAs(failure);

            assertThat(pool.<FtpSession>execute(session -> session)).isNotSameAs(failed.get());
        }
    }

    @Test
    void aSpareSessionStillLoggingInTakesItsPlaceSoThatNoSecondOneIsOpenedBeyondTheLimit() throws Exception {
        server.neverAnswer("USER");
        try (SessionPool pool = new SessionPool(new CommonsNetSessionFactory(server.settings()), 1)) {
            borrowers.submit(pool::borrowSpare);
            await().atMost(Duration.ofSeconds(5)).until(() -> logins() == 1);

            Optional<FtpSession> second = borrowers.submit(() -> pool.borrowSpare()).get(3, TimeUnit.SECONDS);

            assertThat(second).isEmpty();
            assertThat(logins()).isEqualTo(1);
            pool.abort();
        }
    }

    @Test
    void aWorkerWhoseIdleSessionASegmentTookIsRefusedAtTheCapacityUntilASessionComesBack() throws Exception {
        try (SessionPool pool = new SessionPool(new CommonsNetSessionFactory(server.settings()), 2)) {
            FtpSession worker = pool.borrow();
            FtpSession other = pool.borrow();
            pool.release(other);
            FtpSession segment = pool.borrowSpare().orElseThrow();

            assertThatThrownBy(pool::borrow).isInstanceOf(FtpConnectionException.class)
                    .hasMessageContaining("all 2 sessions").matches(refusal -> ((FtpException) refusal).isTransient());
            assertThat(pool.borrowSpare()).isEmpty();
            assertThat(logins()).isEqualTo(2);

            pool.release(segment);
            assertThat(pool.borrow()).isSameAs(segment).isNotSameAs(worker);
            assertThat(logins()).isEqualTo(2);
        }
    }

    @Test
    void aDiscardedSessionHoldsItsPlaceUntilItsConnectionIsClosed() throws Exception {
        server.neverAnswer("QUIT");
        try (SessionPool pool = new SessionPool(new CommonsNetSessionFactory(server.settings()), 1)) {
            FtpSession lost = pool.borrow();
            Future<?> closing = borrowers.submit(() -> pool.discard(lost));
            await().atMost(Duration.ofSeconds(5)).until(() -> server.commands().contains("QUIT"));

            assertThatThrownBy(pool::borrow).isInstanceOf(FtpConnectionException.class).hasMessageContaining("all 1 sessions");

            closing.get(10, TimeUnit.SECONDS);
            assertThat(pool.borrow()).isNotSameAs(lost);
        }
    }

    private long logins() {
        return server.commands().stream().filter(command -> command.startsWith("USER ")).count();
    }
}
