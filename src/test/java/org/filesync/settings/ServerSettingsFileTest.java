package org.filesync.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.filesync.jobs.JobFileError;
import org.filesync.jobs.NotifyEvent;
import org.filesync.testing.JobFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The server settings file: read beside the jobs folder or from --config, validated like a job file. */
class ServerSettingsFileTest {

    private static final String OPS_HASH = new BCryptPasswordEncoder(4).encode("ops-password");
    private static final String VIEWER_HASH = new BCryptPasswordEncoder(4).encode("viewer-password");

    @TempDir
    Path dir;

    private ServerSettingsFile.Loaded load(Map<String, String> environment, String... lines) {
        JobFiles.write(dir, "filesync.yaml", lines);
        return ServerSettingsFile.load(dir.resolve("jobs"), null, environment::get);
    }

    private JobFileError onlyError(Map<String, String> environment, String... lines) {
        ServerSettingsFile.Loaded loaded = load(environment, lines);
        assertThat(loaded.settings()).isEmpty();
        assertThat(loaded.errors()).hasSize(1);
        assertThat(loaded.errors().get(0).file()).isEqualTo(dir.resolve("filesync.yaml"));
        return loaded.errors().get(0);
    }

    @Test
    void readsMailAndNotifyDefaultsBesideTheJobsFolder() {
        ServerSettings settings = load(Map.of("SMTP_PASSWORD", "smtp-s3cret"),
                "mail:", "  host: smtp.example.org", "  port: 2525", "  starttls: required", "  username: filesync",
                "  password: ${SMTP_PASSWORD}", "  from: filesync@example.org",
                "notify:", "  on: [failure, success]", "  webhook: https://hooks.example.org/x", "  remindEvery: 6h")
                .settings().orElseThrow();

        assertThat(settings.mail()).isEqualTo(new MailSettings("smtp.example.org", 2525, StartTls.REQUIRED, "filesync",
                settings.mail().password(), "filesync@example.org", null));
        assertThat(settings.mail().password().reveal()).isEqualTo("smtp-s3cret");
        assertThat(settings.notifyDefaults().on()).containsExactlyInAnyOrder(NotifyEvent.FAILURE, NotifyEvent.SUCCESS);
        assertThat(settings.notifyDefaults().webhook().reveal()).isEqualTo("https://hooks.example.org/x");
        assertThat(settings.notifyDefaults().remindEvery()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void noSettingsFileMeansNoSettings() {
        ServerSettingsFile.Loaded loaded = ServerSettingsFile.load(dir.resolve("jobs"), null, Map.<String, String>of()::get);

        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.settings()).contains(ServerSettings.NONE);
    }

    @Test
    void configOptionNamingNoFileIsAnError() {
        Path missing = dir.resolve("elsewhere.yaml");

        ServerSettingsFile.Loaded loaded = ServerSettingsFile.load(dir.resolve("jobs"), missing, Map.<String, String>of()::get);

        assertThat(loaded.errors()).extracting(JobFileError::toString).containsExactly(missing + ":0: no such settings file");
    }

    @Test
    void unknownKeyIsRejectedWithSuggestion() {
        JobFileError error = onlyError(Map.of(), "mail:", "  startls: true", "  host: smtp.example.org",
                "  from: a@example.org");

        assertThat(error.toString()).isEqualTo(dir.resolve("filesync.yaml") + ":2: unknown key 'mail.startls' (did you mean 'starttls'?)");
    }

    @Test
    void usersAreReadWithTheirRolesAndTheirHashesNeverShown() {
        ServerSettings settings = load(Map.of("OPS_HASH", OPS_HASH), "users:",
                "  - name: ops", "    passwordHash: ${OPS_HASH}", "    role: operator",
                "  - name: watcher", "    passwordHash: \"" + VIEWER_HASH + "\"", "    role: Viewer")
                .settings().orElseThrow();

        assertThat(settings.users()).extracting(ConsoleUser::name, ConsoleUser::role)
                .containsExactly(tuple("ops", ConsoleRole.OPERATOR), tuple("watcher", ConsoleRole.VIEWER));
        assertThat(settings.users().get(0).passwordHash().reveal()).isEqualTo(OPS_HASH);
        assertThat(settings.users().get(1).passwordHash().reveal()).isEqualTo(VIEWER_HASH);
        assertThat(settings.toString()).doesNotContain(OPS_HASH, VIEWER_HASH);
    }

    @Test
    void passwordHashThatIsNotBcryptIsReportedWithoutShowingIt() {
        JobFileError error = onlyError(Map.of(), "users:", "  - name: ops", "    passwordHash: plain-s3cret",
                "    role: operator");

        assertThat(error.toString()).isEqualTo(dir.resolve("filesync.yaml")
                + ":3: users[0].passwordHash: is not a bcrypt hash ($2a$12$ and 53 characters; filesync passwd prints one)");
    }

    @Test
    void userWithoutRoleOrWithAnUnknownOneIsAnError() {
        assertThat(onlyError(Map.of(), "users:", "  - name: ops", "    passwordHash: \"" + OPS_HASH + "\"").toString())
                .endsWith(":2: missing required key 'users[0].role'");
        assertThat(onlyError(Map.of(), "users:", "  - name: ops", "    passwordHash: \"" + OPS_HASH + "\"",
                "    role: admin").toString()).endsWith(":4: users[0].role: must be viewer or operator, not 'admin'");
    }

    @Test
    void sameUserNameTwiceIsAnErrorWhateverItsCase() {
        JobFileError error = onlyError(Map.of(), "users:",
                "  - name: ops", "    passwordHash: \"" + OPS_HASH + "\"", "    role: operator",
                "  - name: OPS", "    passwordHash: \"" + VIEWER_HASH + "\"", "    role: viewer");

        assertThat(error.toString()).endsWith(":5: users[1].name: 'OPS' is given twice (first at line 2; names ignore case)");
    }

    @Test
    void usersMustBeAListOfSections() {
        assertThat(onlyError(Map.of(), "users: ops").toString())
                .endsWith(":1: users: must be a list of sections (each entry on a line of its own starting with '- ')");
        assertThat(onlyError(Map.of(), "users:", "  - ops").toString()).endsWith(":2: users[0]: must be a section of keys");
        assertThat(onlyError(Map.of(), "users:", "  - name: ops", "    password: x", "    passwordHash: \"" + OPS_HASH
                + "\"", "    role: operator").toString()).contains(":3: unknown key 'users[0].password'");
    }

    @Test
    void webPortAndBindAreWhereServeListensUnlessItsCommandLineSaysOtherwise() {
        WebSettings web = load(Map.of("FILESYNC_WEB_BIND", "0.0.0.0"), "web:", "  port: 9090", "  bind: 127.0.0.1")
                .settings().orElseThrow().web();

        assertThat(web.port(null)).isEqualTo(9090);
        assertThat(web.bind(null)).isEqualTo("0.0.0.0");
        assertThat(web.port(0)).isZero();
        assertThat(web.bind("::1")).isEqualTo("::1");
        assertThat(WebSettings.NONE.port(null)).isEqualTo(8080);
        assertThat(WebSettings.NONE.bind(null)).isEqualTo("127.0.0.1");
        assertThat(onlyError(Map.of(), "web:", "  port: 70000").message())
                .isEqualTo("web.port: must be a port number (1-65535), not 70000");
    }

    @Test
    void retentionIsADurationOfADayOrMore() {
        assertThat(load(Map.of(), "retention: 90d").settings().orElseThrow().retention()).isEqualTo(Duration.ofDays(90));
        assertThat(load(Map.of("FILESYNC_RETENTION", "30d"), "retention: 90d").settings().orElseThrow().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(onlyError(Map.of(), "retention: 2h").message())
                .isEqualTo("retention: '2h' is not a duration of a day or more (90d, 2160h)");
        assertThat(onlyError(Map.of(), "retention: soon").line()).isEqualTo(1);
    }

    @Test
    void deadlineIsATimeOfDayForEveryJob() {
        assertThat(load(Map.of(), "notify:", "  deadline: \"06:00\"").settings().orElseThrow().notifyDefaults().deadline())
                .isEqualTo(LocalTime.of(6, 0));
        assertThat(load(Map.of("FILESYNC_NOTIFY_DEADLINE", "07:30"), "notify:", "  deadline: \"06:00\"").settings()
                .orElseThrow().notifyDefaults().deadline()).isEqualTo(LocalTime.of(7, 30));
        JobFileError error = onlyError(Map.of(), "notify:", "  deadline: \"6 am\"");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.message()).isEqualTo("notify.deadline: '6 am' is not a time of day as HH:mm (\"06:00\")");
    }

    @Test
    void emailDefaultsWithoutAMailSectionAreAnError() {
        JobFileError error = onlyError(Map.of(), "notify:", "  email: [ops@example.org]");

        assertThat(error.line()).isEqualTo(1);
        assertThat(error.message()).isEqualTo("notify.email: e-mail alerts need a mail: section (the SMTP server)");
    }

    @Test
    void environmentVariableOverridesOneKeyOfTheFile() {
        ServerSettings settings = load(Map.of("FILESYNC_MAIL_HOST", "smtp.internal", "FILESYNC_NOTIFY_REMIND_EVERY", "2h",
                        "FILESYNC_NOTIFY_ON", "failure,success"),
                "mail:", "  host: smtp.example.org", "  port: 25", "  from: a@example.org")
                .settings().orElseThrow();

        assertThat(settings.mail().host()).isEqualTo("smtp.internal");
        assertThat(settings.mail().port()).isEqualTo(25);
        assertThat(settings.notifyDefaults().remindEvery()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.notifyDefaults().on()).containsExactlyInAnyOrder(NotifyEvent.FAILURE, NotifyEvent.SUCCESS);
    }

    @Test
    void environmentVariablesAloneGiveSettingsWithoutAFile() {
        ServerSettings settings = ServerSettingsFile.load(dir.resolve("jobs"), null, Map.of(
                "FILESYNC_MAIL_HOST", "smtp.internal", "FILESYNC_MAIL_PORT", "2525",
                "FILESYNC_MAIL_FROM", "filesync@example.org")::get).settings().orElseThrow();

        assertThat(settings.mail().host()).isEqualTo("smtp.internal");
        assertThat(settings.mail().port()).isEqualTo(2525);
    }

    @Test
    void overriddenValueIsValidatedLikeTheFilesOwn() {
        JobFileError error = onlyError(Map.of("FILESYNC_MAIL_PORT", "many"),
                "mail:", "  host: smtp.example.org", "  port: 25", "  from: a@example.org");

        assertThat(error.message()).contains("mail.port", "whole number", "many");
    }

    @Test
    void mailPasswordFromAFileResolvesBesideTheSettingsFile() throws Exception {
        Files.writeString(dir.resolve("smtp.secret"), "from-file\n");

        ServerSettings settings = load(Map.of(), "mail:", "  host: h", "  username: u", "  passwordFile: smtp.secret",
                "  from: a@example.org").settings().orElseThrow();

        assertThat(settings.mail().password().reveal()).isEqualTo("from-file");
        assertThat(settings.mail().toString()).doesNotContain("from-file");
    }

    @Test
    void badMailPasswordIsReportedWithoutShowingIt() {
        JobFileError error = onlyError(Map.of("SMTP_PASSWORD", "s3cr3t-value\n"), "mail:", "  host: h", "  username: u",
                "  password: ${SMTP_PASSWORD}", "  from: a@example.org");

        assertThat(error.line()).isEqualTo(4);
        assertThat(error.message()).contains("mail.password", "line break").doesNotContain("s3cr3t-value");
    }

    @Test
    void webhookUrlThatIsNotHttpIsReportedWithoutShowingIt() {
        JobFileError error = onlyError(Map.of(), "notify:", "  webhook: ftp://hooks.example.org/token-abc123");

        assertThat(error.message()).isEqualTo("notify.webhook: must be an http:// or https:// URL with a host");
    }

    @Test
    void missingEnvironmentVariableIsReported() {
        JobFileError error = onlyError(Map.of(), "notify:", "  webhookSecret: ${HOOK_SECRET}");

        assertThat(error.toString()).endsWith(":2: notify.webhookSecret: environment variable HOOK_SECRET is not set");
    }
}
