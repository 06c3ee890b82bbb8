package org.filesync.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.filesync.settings.ConsoleRole;
import org.filesync.testing.ConsoleClient;
import org.filesync.testing.ConsoleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The console on a loopback address, over real HTTP: its pages and API reads are open without a
 * login, its actions are not, and failed logins are logged and held back.
 */
class LoopbackConsoleTest {

    private static final String PASSWORD = "operator-pw-5e6f";

    @TempDir
    static Path dir;

    private static ConsoleServer console;

    @BeforeAll
    static void startConsoleOnLoopback() throws Exception {
        console = ConsoleServer.start(dir, "127.0.0.1", List.of(ConsoleServer.user("ops", PASSWORD, ConsoleRole.OPERATOR)));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        console.close();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(none)");
    }

    @Test
    void pagesAndApiReadsNeedNoLogin() throws Exception {
        ConsoleClient anyone = console.client();

        assertThat(anyone.get("/").statusCode()).isEqualTo(200);
        assertThat(anyone.get("/api/runs").statusCode()).isEqualTo(200);
    }

    @Test
    void actionsStillNeedALogin() throws Exception {
        ConsoleClient anyone = console.client();

        assertThat(anyone.post("/api/runs", Map.of()).statusCode()).isEqualTo(403);
        assertThat(anyone.postWithToken("/api/runs", Map.of()).statusCode()).isEqualTo(401);
        assertThat(location(anyone.postWithToken("/runs/1", Map.of()))).endsWith("/login");
    }

    @Test
    void failedLoginsAreLoggedAndThenRefusedEvenWithTheRightPassword() throws Exception {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(ThrottledLogin.class);
        logged.start();
        logger.addAppender(logged);
        List<String> answers = new ArrayList<>();
        try {
            ConsoleClient guesser = console.client();
            for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
                answers.add(location(guesser.login("ops", "guess-" + i)));
            }
            answers.add(location(guesser.login("ops", PASSWORD)));
        } finally {
            logger.detachAppender(logged);
        }

        assertThat(answers).filteredOn(answer -> answer.endsWith("/login?error")).hasSize(LoginThrottle.FREE_FAILURES + 1);
        assertThat(answers.get(answers.size() - 1)).endsWith("/login?throttled");
        assertThat(logged.list).allMatch(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .hasSize(LoginThrottle.FREE_FAILURES + 2)
                .allMatch(line -> line.contains("'ops'") && line.contains("127.0.0.1"))
                .noneMatch(line -> line.contains("guess-") || line.contains(PASSWORD));
    }
}
