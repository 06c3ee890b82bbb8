package org.filesync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.filesync.testing.JobFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of mistake gives exactly one FILE:LINE: message, on the line of the offending key. */
class JobFileErrorsTest {

    @TempDir
    Path dir;

    private JobFileError onlyError(String... lines) {
        Path file = JobFiles.write(dir, "job.yaml", lines);
        JobCatalog catalog = JobCatalog.load(dir, Map.of("SET", "value")::get);
        assertThat(catalog.jobs()).isEmpty();
        assertThat(catalog.errors()).hasSize(1);
        JobFileError error = catalog.errors().get(0);
        assertThat(error.file()).isEqualTo(file);
        return error;
    }

    @Test
    void unknownKeyIsReportedWithSuggestion() {
        JobFileError error = onlyError("remote:", "  url: ftp://h/", "  pasive: false", "local:", "  path: x");

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.message()).isEqualTo("unknown key 'remote.pasive' (did you mean 'passive'?)");
        assertThat(error.toString()).isEqualTo(dir.resolve("job.yaml") + ":3: unknown key 'remote.pasive' (did you mean 'passive'?)");
    }

    @Test
    void deleteLimitMustBeACountOrAShare() {
        JobFileError error = onlyError("remote:", "  url: ftp://h/", "local:", "  path: x", "delete: true",
                "deleteLimit: half");

        assertThat(error.line()).isEqualTo(6);
        assertThat(error.message()).contains("deleteLimit", "not a count or a share: 'half'");
    }

    @Test
    void deleteLimitShareAboveAHundredPercentIsReported() {
        JobFileError error = onlyError("remote:", "  url: ftp://h/", "local:", "  path: x", "delete: true",
                "deleteLimit: 150%");

        assertThat(error.line()).isEqualTo(6);
        assertThat(error.message()).contains("at most 100%");
    }

    @Test
    void deleteLimitWithoutDeleteIsReported() {
        JobFileError error = onlyError("remote:", "  url: ftp://h/", "local:", "  path: x", "deleteLimit: 500");

        assertThat(error.line()).isEqualTo(5);
        assertThat(error.message()).contains("only applies with delete: true");
    }

    @Test
    void minAgeMustBeADuration() {
        JobFileError error = onlyError("remote:", "  url: ftp://h/", "local:", "  path: x", "minAge: soon");

        assertThat(error.line()).isEqualTo(5);
        assertThat(error.message()).contains("minAge", "not a duration: 'soon'");
    }

    @Test
    void wrongTypeIsReported() {
        JobFileError error = onlyError("remote:", "  url: ftp://h/", "local:", "  path: x", "parallel: four");

        assertThat(error.line()).isEqualTo(5);
        assertThat(error.message()).contains("parallel", "whole number", "four");
    }

    @Test
    void badCronIsReported() {
        JobFileError error = onlyError("schedule: \"every night\"", "remote:", "  url: ftp://h/", "local:", "  path: x");

        assertThat(error.line()).isEqualTo(1);
        assertThat(error.message()).startsWith("schedule: not a Quartz cron expression 'every night'");
    }

    @Test
    void unknownTimeZoneIsReported() {
        JobFileError error = onlyError("remote:", "  url: ftp://h/", "local:", "  path: x", "timezone: Mars/Olympus");

        assertThat(error.line()).isEqualTo(5);
        assertThat(error.message()).contains("unknown time zone 'Mars/Olympus'");
    }

    @Test
    void missingEnvironmentVariableIsReported() {
        JobFileError error = onlyError("remote:", "  url: ftp://u@h/", "  password: ${NOT_SET_ANYWHERE}", "local:", "  path: x");

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.message()).isEqualTo("remote.password: environment variable NOT_SET_ANYWHERE is not set");
    }

    @Test
    void passwordWithTrailingNewlineFromTheEnvironmentIsAnErrorThatDoesNotShowIt() {
        Path file = JobFiles.write(dir, "job.yaml", "remote:", "  url: ftp://u@h/", "  password: ${FROM_SECRET_FILE}",
                "local:", "  path: x");

        JobCatalog catalog = JobCatalog.load(dir, Map.of("FROM_SECRET_FILE", "s3cr3t-value\n")::get);

        assertThat(catalog.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo(file);
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.message()).contains("remote.password", "line break").doesNotContain("s3cr3t-value");
        });
    }

    @Test
    void unreadablePasswordFileIsReported() {
        JobFileError error = onlyError("remote:", "  url: ftp://u@h/", "  passwordFile: nowhere.txt", "local:", "  path: x");

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.message()).contains("remote.passwordFile: cannot read", "nowhere.txt", "no such file");
    }

    @Test
    void badUrlIsReported() {
        JobFileError error = onlyError("remote:", "  url: http://h/", "local:", "  path: x");

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.message()).startsWith("remote.url: not an FTP URL");
    }

    @Test
    void passwordInsideUrlIsAnErrorThatDoesNotRepeatIt() {
        JobFileError error = onlyError("remote:", "  url: ftp://u:topsecret@h/", "local:", "  path: x");

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.message()).contains("password inside the URL").doesNotContain("topsecret");
    }

    @Test
    void malformedUrlNeverShowsAnyPartOfItsUserInfo() {
        JobFileError error = onlyError("remote:", "  url: ftp://bob:pa/ss@h@st/x:y:z", "local:", "  path: x");

        assertThat(error.message()).doesNotContain("pa/ss", "ss@", "bob");
    }

    @Test
    void negativeParallelIsReported() {
        JobFileError error = onlyError("remote:", "  url: ftp://h/", "local:", "  path: x", "parallel: -2");

        assertThat(error.line()).isEqualTo(5);
        assertThat(error.message()).isEqualTo("parallel: must be at least 1, not -2");
    }

    @Test
    void moreSegmentsThanParallelSessionsAreReported() {
        JobFileError error = onlyError("remote:", "  url: ftp://h/", "local:", "  path: x", "parallel: 2",
                "segments: 4");

        assertThat(error.message()).isEqualTo("segments: must be at most 2, not 4");
    }

    @Test
    void segmentMinSizeBelowOneMegabyteIsReported() {
        JobFileError error = onlyError("remote:", "  url: ftp://h/", "local:", "  path: x", "segmentMinSize: 64KB");

        assertThat(error.message()).startsWith("segmentMinSize: must be at least 1048576");
    }

    @Test
    void missingRequiredSectionIsReported() {
        JobFileError error = onlyError("remote:", "  url: ftp://h/");

        assertThat(error.line()).isEqualTo(1);
        assertThat(error.message()).isEqualTo("missing required key 'local'");
    }

    @Test
    void yamlSyntaxErrorIsReportedAtItsLine() {
        JobFileError error = onlyError("remote:", "  url: ftp://h/", "local:", "  path: [unclosed");

        assertThat(error.line()).isGreaterThanOrEqualTo(4);
        assertThat(error.message()).startsWith("YAML syntax:");
    }

    @Test
    void keysThatOnlyApplyInAnotherModeAreRejectedRatherThanIgnored() {
        JobFileError error = onlyError("remote:", "  url: ftp://h/", "  markerInterval: 1MB", "local:", "  path: x");

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.message()).isEqualTo("remote.markerInterval: only applies with block mode (transferMode: block)");
    }

    @Test
    void unknownNotifyEventIsReported() {
        JobFileError error = onlyError("remote:", "  url: ftp://h/", "local:", "  path: x", "notify:", "  on: [failure, fail]");

        assertThat(error.line()).isEqualTo(6);
        assertThat(error.message()).isEqualTo("notify.on: must be one of failure, recovery, success, deadline; not 'fail'");
    }

    @Test
    void notifyDeadlineMustBeATimeOfDay() {
        JobFileError error = onlyError("schedule: \"0 30 2 * * ?\"", "remote:", "  url: ftp://h/", "local:", "  path: x",
                "notify:", "  webhook: https://h/", "  deadline: \"25:00\"");

        assertThat(error.line()).isEqualTo(8);
        assertThat(error.message()).isEqualTo("notify.deadline: '25:00' is not a time of day as HH:mm (\"06:00\")");
    }

    @Test
    void notifyDeadlineOnlyAppliesToAScheduledJob() {
        JobFileError error = onlyError("remote:", "  url: ftp://h/", "local:", "  path: x", "notify:",
                "  deadline: \"06:00\"");

        assertThat(error.line()).isEqualTo(6);
        assertThat(error.message()).isEqualTo("notify.deadline: only applies to a job with a schedule");
    }

    @Test
    void notifyEmailMustHoldAddresses() {
        JobFileError error = onlyError("remote:", "  url: ftp://h/", "local:", "  path: x", "notify:",
                "  email: [ops@example.org, ops]");

        assertThat(error.message()).isEqualTo("notify.email: 'ops' is not an e-mail address");
    }

    @Test
    void notifyRemindEveryMustBeADuration() {
        JobFileError error = onlyError("remote:", "  url: ftp://h/", "local:", "  path: x", "notify:", "  remindEvery: daily");

        assertThat(error.message()).startsWith("notify.remindEvery: not a duration: 'daily'");
    }

    @Test
    void duplicateKeyIsReported() {
        JobFileError error = onlyError("remote:", "  url: ftp://h/", "local:", "  path: x", "delete: true", "delete: false");

        assertThat(error.line()).isEqualTo(6);
        assertThat(error.message()).isEqualTo("duplicate key 'delete' (first at line 5)");
    }

    @Test
    void twoFilesWithTheSameJobNameAreReportedOnce() {
        JobFiles.write(dir, "a.yaml", "name: same", "remote:", "  url: ftp://h/", "local:", "  path: x");
        Path second = JobFiles.write(dir, "b.yaml", "# a comment", "name: same", "remote:", "  url: ftp://h/", "local:", "  path: y");

        JobCatalog catalog = JobCatalog.load(dir, name -> null);

        assertThat(catalog.jobs()).extracting(JobDefinition::name).containsExactly("same");
        assertThat(catalog.errors()).hasSize(1);
        assertThat(catalog.errors().get(0).file()).isEqualTo(second);
        assertThat(catalog.errors().get(0).line()).isEqualTo(2);
        assertThat(catalog.errors().get(0).message()).contains("job name 'same' is already used by").contains("a.yaml");
    }

    @Test
    void reportsEveryErrorOfEveryFileInOnePass() {
        JobFiles.write(dir, "a.yaml", "remote:", "  url: ftp://h/", "local:", "  path: x", "parallel: 0", "retries: -1");
        JobFiles.write(dir, "b.yaml", "remote:", "  url: ftp://h/", "local:", "  path: x", "verify: md5");

        List<JobFileError> errors = JobCatalog.load(dir, name -> null).errors();

        assertThat(errors).extracting(JobFileError::toString).containsExactly(
                dir.resolve("a.yaml") + ":5: parallel: must be at least 1, not 0",
                dir.resolve("a.yaml") + ":6: retries: must be at least 0, not -1",
                dir.resolve("b.yaml") + ":5: verify: must be one of none, size, checksum; not 'md5'");
    }
}
