package org.filesync.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.filesync.ftp.FailureMessages;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code filesync} command and its subcommands. */
@Command(name = "filesync", mixinStandardHelpOptions = true, versionProvider = FilesyncCommand.Version.class,
        description = "Scheduled FTP mirroring with resumable transfers and a transfer history.")
final class FilesyncCommand implements Runnable {

    /** In the order the usage help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, ValidateCommand.class,
            JobsCommand.class, HistoryCommand.class, ShowCommand.class, FileCommand.class, PruneCommand.class,
            ScheduleCommands.Pause.class, ScheduleCommands.Resume.class, ServeCommand.class, DemoCommand.class,
            PasswdCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CommonOptions options;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, for example: filesync validate");
    }

    /**
     * The command line for {@code args}, with only the subcommand they name: picocli builds a
     * command's model by reflection, and all of them cost a run a few hundred milliseconds of its
     * start. Every subcommand is there when the arguments name none (help, a mistake), so that help
     * and picocli's messages stay whole.
     */
    static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(new FilesyncCommand());
        namedSubcommand(args).map(List::<Class<?>>of).orElse(SUBCOMMANDS).forEach(commandLine::addSubcommand);
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

    /** The subcommand {@code args} name, read the way picocli reads them: after the common options and their values. */
    private static Optional<Class<?>> namedSubcommand(String[] args) {
        CommandLine options = new CommandLine(new FilesyncCommand()).setStopAtUnmatched(true)
                .setUnmatchedArgumentsAllowed(true);
        List<String> rest;
        try {
            rest = options.parseArgs(args).unmatched();
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
        return rest.isEmpty() ? Optional.empty() : SUBCOMMANDS.stream()
                .filter(command -> command != CommandLine.HelpCommand.class)
                .filter(command -> command.getAnnotation(Command.class).name().equals(rest.get(0)))
                .findFirst();
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
