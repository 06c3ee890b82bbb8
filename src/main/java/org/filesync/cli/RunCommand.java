package org.filesync.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Run one job now, in the foreground, with a progress bar.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Parameters(paramLabel = "JOB", description = "the job to run")
    String job;

    @Option(names = "--dry-run", description = "print the plan and change nothing")
    boolean dryRun;

    @Option(names = "--json", description = "print the RUN object of the run it made")
    boolean json;

    @Override
    public Integer call() {
        throw new ConfigurationException("run is not available in this build yet");
    }
}
