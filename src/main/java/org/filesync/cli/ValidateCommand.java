package org.filesync.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.filesync.jobs.JobCatalog;
import org.filesync.jobs.JobFileError;
import org.filesync.settings.ServerSettings;
import org.filesync.settings.ServerSettingsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check every job file and the server settings; print FILE:LINE: message per error.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    FilesyncCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ServerSettingsFile.Loaded settings = root.options.loadSettings();
        JobCatalog catalog = root.options.loadJobs();
        List<JobFileError> errors = new ArrayList<>(settings.errors());
        errors.addAll(catalog.errors());
        for (JobFileError error : errors) {
            spec.commandLine().getErr().println(error);
        }
        spec.commandLine().getErr().flush();
        if (!errors.isEmpty()) {
            spec.commandLine().getOut().printf("%d error(s); %d job(s) valid in %s%n",
                    errors.size(), catalog.jobs().size(), catalog.directory());
            return ExitCode.CONFIGURATION;
        }
        String settingsFile = settings.settings().map(ServerSettings::file).map(file -> "; settings: " + file).orElse("");
        spec.commandLine().getOut().printf("%d job(s) valid in %s%s%n", catalog.jobs().size(), catalog.directory(),
                settingsFile);
        return ExitCode.OK;
    }
}
