package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.filesync.ftp.CommonsNetSessionFactory;
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
}
