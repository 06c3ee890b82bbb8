package org.filesync.cli;

import java.util.concurrent.Callable;
import org.filesync.history.Database;
import org.filesync.jobs.JobCatalog;
import org.filesync.schedule.ActionRefusedException;
import org.filesync.schedule.IdleScheduler;
import org.filesync.schedule.JobControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pause JOB} and {@code resume JOB}: change the job's schedule in the scheduler's job store,
 * which every {@code serve} node on the database fires from, whether or not one runs now.
 */
final class ScheduleCommands {

    private ScheduleCommands() {
    }

    @FunctionalInterface
    private interface Action {
        void apply(JobControl control, String job, String actor);
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Pause a job's schedule on every node until it is resumed.")
    static final class Pause implements Callable<Integer> {

        @ParentCommand
        FilesyncCommand root;

        @Parameters(paramLabel = "JOB", description = "the job to pause")
        String job;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return apply(root, spec, job, "paused", JobControl::pause);
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused job's schedule.")
    static final class Resume implements Callable<Integer> {

        @ParentCommand
        FilesyncCommand root;

        @Parameters(paramLabel = "JOB", description = "the job to resume")
        String job;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return apply(root, spec, job, "resumed", JobControl::resume);
        }
    }

    private static int apply(FilesyncCommand root, CommandSpec spec, String job, String done,
                             Action action) {
        JobCatalog catalog = root.options.loadJobs();
        try (Database database = root.options.openDatabase(2); IdleScheduler schedules = IdleScheduler.open(database)) {
            action.apply(schedules.control(catalog), job, CliUser.actor());
        } catch (ActionRefusedException e) {
            throw new ConfigurationException(e.getMessage());
        }
        spec.commandLine().getOut().println("job " + job + " " + done);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
