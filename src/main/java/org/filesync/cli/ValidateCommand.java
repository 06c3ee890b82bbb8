package org.filesync.cli;

import java.util.concurrent.Callable;
import org.filesync.jobs.JobCatalog;
import org.filesync.jobs.JobFileError;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check every job file; print FILE:LINE: message per error.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    FilesyncCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JobCatalog catalog = root.options.loadJobs();
        for (JobFileError error : catalog.errors()) {
            spec.commandLine().getErr().println(error);
        }
        spec.commandLine().getErr().flush();
        if (catalog.hasErrors()) {
            spec.commandLine().getOut().printf("%d error(s); %d job(s) valid in %s%n",
                    catalog.errors().size(), catalog.jobs().size(), catalog.directory());
            return ExitCode.CONFIGURATION;
        }
        spec.commandLine().getOut().printf("%d job(s) valid in %s%n", catalog.jobs().size(), catalog.directory());
        return ExitCode.OK;
    }
}
