package org.filesync.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;
import org.filesync.jobs.JobCatalog;
import org.filesync.jobs.JobDefinition;
import org.filesync.testing.JobFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which fire a deadline is for, and when it was due, in the job's time zone: time arithmetic only. */
class DueFireTest {

    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    private static final LocalTime SIX = LocalTime.of(6, 0);

    @TempDir
    Path dir;

    @Test
    void deadlineIsForTheFireBeforeItInTheJobsTimeZone() {
        JobDefinition job = job("0 30 2 * * ?", "Europe/Berlin");

        Optional<DueFire> due = DueFire.lastDue(job, SIX, Instant.parse("2026-12-01T06:00:30Z"), LONG_AGO);

        // 06:00 and 02:30 in Berlin's winter time, UTC+1
        assertThat(due).contains(new DueFire(Instant.parse("2026-12-01T01:30:00Z"), Instant.parse("2026-12-01T05:00:00Z")));
    }

    @Test
    void beforeTodaysDeadlinePassesYesterdaysIsTheOneDue() {
        JobDefinition job = job("0 30 2 * * ?", "Europe/Berlin");

        Optional<DueFire> due = DueFire.lastDue(job, SIX, Instant.parse("2026-12-01T04:59:59Z"), LONG_AGO);

        assertThat(due).contains(new DueFire(Instant.parse("2026-11-30T01:30:00Z"), Instant.parse("2026-11-30T05:00:00Z")));
    }

    @Test
    void fireBeforeMidnightIsDueByADeadlineAfterIt() {
        JobDefinition job = job("0 30 23 * * ?", "UTC");

        Optional<DueFire> due = DueFire.lastDue(job, LocalTime.of(0, 30), Instant.parse("2026-12-02T01:00:00Z"), LONG_AGO);

        assertThat(due).contains(new DueFire(Instant.parse("2026-12-01T23:30:00Z"), Instant.parse("2026-12-02T00:30:00Z")));
    }

    @Test
    void frequentScheduleIsDueForItsLastFireBeforeTheDeadline() {
        JobDefinition job = job("*/7 * * * * ?", "UTC");

        Optional<DueFire> due = DueFire.lastDue(job, SIX, Instant.parse("2026-12-01T06:10:00Z"), LONG_AGO);

        assertThat(due).map(DueFire::fire).contains(Instant.parse("2026-12-01T05:59:56Z"));
    }

    @Test
    void nothingIsDueWithoutAFireInThe24HoursBeforeTheDeadline() {
        JobDefinition weekly = job("0 0 2 ? * MON", "UTC");

        // Wednesday: Monday's fire lies more than 24 h before Wednesday's deadline
        assertThat(DueFire.lastDue(weekly, SIX, Instant.parse("2026-12-02T07:00:00Z"), LONG_AGO)).isEmpty();
    }

    @Test
    void fireFromBeforeTheJobWasScheduledIsNotDue() {
        JobDefinition job = job("0 30 2 * * ?", "UTC");

        Optional<DueFire> due = DueFire.lastDue(job, SIX, Instant.parse("2026-12-01T07:00:00Z"),
                Instant.parse("2026-12-01T03:00:00Z"));

        assertThat(due).isEmpty();
    }

    @Test
    void deadlineInTheHourDaylightSavingTimeSkipsFallsOnTheHourAfter() {
        JobDefinition job = job("0 0 1 * * ?", "Europe/Berlin");

        // 2026-03-29: Berlin's clocks go from 02:00 CET to 03:00 CEST; 02:30 does not exist that day
        Optional<DueFire> due = DueFire.lastDue(job, LocalTime.of(2, 30), Instant.parse("2026-03-29T02:00:00Z"), LONG_AGO);

        assertThat(due).contains(new DueFire(Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-29T01:30:00Z")));
    }

    private JobDefinition job(String cron, String zone) {
        JobFiles.write(dir, "job.yaml", "schedule: \"" + cron + "\"", "timezone: " + zone, "remote:", "  url: ftp://h/",
                "local:", "  path: x");
        JobCatalog catalog = JobCatalog.load(dir, name -> null);
        assertThat(catalog.errors()).isEmpty();
        return catalog.jobs().get(0);
    }
}
