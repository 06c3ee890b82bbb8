package org.filesync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.filesync.settings.ConsoleRole;
import org.filesync.testing.ConsoleClient;
import org.filesync.testing.ConsoleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console bound beyond loopback, over real HTTP: nothing without a login, actions only for operators with a CSRF token. */
class ConsoleSecurityTest {

    private static final String VIEWER_PASSWORD = "viewer-pw-8a7b";
    private static final String OPERATOR_PASSWORD = "operator-pw-1c2d";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    static Path dir;

    private static ConsoleServer console;

    @BeforeAll
    static void startConsoleBeyondLoopback() throws Exception {
        console = ConsoleServer.start(dir, "0.0.0.0", List.of(
                ConsoleServer.user("watcher", VIEWER_PASSWORD, ConsoleRole.VIEWER),
                ConsoleServer.user("ops", OPERATOR_PASSWORD, ConsoleRole.OPERATOR)));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        console.close();
    }

    private static ConsoleClient loggedIn(String user, String password) throws Exception {
        ConsoleClient client = console.client();
        assertThat(client.login(user, password).headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("/login"));
        return client;
    }

    @Test
    void apiAnswers401WithJsonWithoutLogin() throws Exception {
        HttpResponse<String> runs = console.client().get("/api/runs");

        assertThat(runs.statusCode()).isEqualTo(401);
        assertThat(runs.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(runs.body()).contains("\"error\"", "log in");
    }

    @Test
    void pageRedirectsToTheLoginPageWithoutLogin() throws Exception {
        HttpResponse<String> overview = console.client().get("/");

        assertThat(overview.statusCode()).isEqualTo(302);
        assertThat(overview.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void healthAndMetricsStayOpenForScrapers() throws Exception {
        ConsoleClient scraper = console.client();

        assertThat(scraper.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(scraper.get("/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    @Test
    void loginFormLogsInAndThePagesOpen() throws Exception {
        ConsoleClient browser = console.client();
        HttpResponse<String> page = browser.get("/login");
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(csrf.find()).as(page.body()).isTrue();

        HttpResponse<String> loggedIn = browser.post("/login",
                Map.of("username", "watcher", "password", VIEWER_PASSWORD, "_csrf", csrf.group(1)));

        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/runs").statusCode()).isEqualTo(200);
    }

    @Test
    void loginLeadsBackToThePageThatAskedForItButNeverToTheApi() throws Exception {
        ConsoleClient browser = console.client();
        browser.get("/runs/1");
        assertThat(browser.login("watcher", VIEWER_PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("/runs/1"));

        ConsoleClient script = console.client();
        script.get("/api/runs");
        assertThat(script.login("watcher", VIEWER_PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/").doesNotContain("/api"));
    }

    @Test
    void loginGivesTheSessionANewId() throws Exception {
        ConsoleClient browser = console.client();
        browser.get("/login");
        String before = browser.sessionId();

        browser.login("watcher", VIEWER_PASSWORD);

        assertThat(before).isNotNull();
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
    }

    @Test
    void wrongPasswordLeadsBackToTheLoginPage() throws Exception {
        ConsoleClient browser = console.client();

        HttpResponse<String> refused = browser.login("ops", "not-the-password");

        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        assertThat(browser.get("/api/runs").statusCode()).isEqualTo(401);
    }

    @Test
    void postWithoutCsrfTokenIsForbiddenEvenForAnOperator() throws Exception {
        assertThat(loggedIn("ops", OPERATOR_PASSWORD).post("/api/runs", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void viewersPostIsForbiddenEvenWithAToken() throws Exception {
        assertThat(loggedIn("watcher", VIEWER_PASSWORD).postWithToken("/api/runs", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void operatorsPostWithATokenPassesSecurity() throws Exception {
        ConsoleClient operator = loggedIn("ops", OPERATOR_PASSWORD);

        // the dashboard has no POST /api/runs: Spring MVC's 405 shows the request got past security
        assertThat(operator.postWithToken("/api/runs", Map.of()).statusCode()).isEqualTo(405);
    }

    @Test
    void logoutByPostEndsTheSession() throws Exception {
        ConsoleClient viewer = loggedIn("watcher", VIEWER_PASSWORD);

        HttpResponse<String> loggedOut = viewer.postWithToken("/logout", Map.of());

        assertThat(loggedOut.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?logout"));
        assertThat(viewer.get("/api/runs").statusCode()).isEqualTo(401);
    }

    @Test
    void csrfTokenAnswerHoldsNoSecretOfTheUsers() throws Exception {
        String answer = loggedIn("ops", OPERATOR_PASSWORD).get("/api/csrf").body();

        assertThat(answer).contains("\"headerName\"", "\"parameterName\"", "\"token\"").doesNotContain("$2a$", OPERATOR_PASSWORD);
    }
}
