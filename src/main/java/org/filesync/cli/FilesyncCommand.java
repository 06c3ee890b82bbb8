package org.filesync.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.filesync.ftp.FailureMessages;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code filesync} command and its subcommands. */
@Command(name = "filesync", mixinStandardHelpOptions = true, versionProvider = FilesyncCommand.Version.class,
        description = "Scheduled FTP mirroring with resumable transfers and a transfer history.",
        subcommands = {RunCommand.class, ValidateCommand.class, JobsCommand.class, HistoryCommand.class,
                ShowCommand.class, FileCommand.class, PruneCommand.class, ScheduleCommands.Pause.class,
                ScheduleCommands.Resume.class, ServeCommand.class, DemoCommand.class, PasswdCommand.class,
                CommandLine.HelpCommand.class})
final class FilesyncCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CommonOptions options;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, for example: filesync validate");
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new FilesyncCommand());
        // "--jobs jobs" names the folder ./jobs, not the jobs command
        commandLine.setAllowSubcommandsAsOptionParameters(true);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof ConfigurationException) {
                cmd.getErr().println("filesync: " + exception.getMessage());
                return ExitCode.CONFIGURATION;
            }
            cmd.getErr().println("filesync: " + FailureMessages.withRootCause(exception));
            return ExitCode.FAILED;
        });
        return commandLine;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = FilesyncCommand.class.getResourceAsStream("/org/filesync/version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"filesync " + properties.getProperty("version", "unknown")};
        }
    }
}
