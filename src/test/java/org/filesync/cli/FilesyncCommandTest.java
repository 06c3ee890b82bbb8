package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Which subcommands the command line is built with, and what it still tells a person who names none. */
class FilesyncCommandTest {

    @Test
    void buildsOnlyTheSubcommandTheArgumentsName() {
        assertThat(FilesyncCommand.commandLine("run", "nightly", "--dry-run").getSubcommands()).containsOnlyKeys("run");
    }

    @Test
    void readsTheSubcommandAfterTheCommonOptionsAndTheirValues() {
        assertThat(FilesyncCommand.commandLine("--jobs", "run", "--db", "jdbc:h2:mem:x", "history", "--limit", "1")
                .getSubcommands()).containsOnlyKeys("history");
    }

    @Test
    void helpListsEverySubcommand() {
        StringWriter help = new StringWriter();
        int exit = FilesyncCommand.commandLine("help").setOut(new PrintWriter(help)).execute("help");

        assertThat(exit).isZero();
        assertThat(help.toString()).contains("run", "validate", "jobs", "history", "show", "file", "prune", "pause",
                "resume", "serve", "demo", "passwd");
    }

    @Test
    void anUnknownSubcommandIsStillToldWhatThereIs() {
        StringWriter err = new StringWriter();
        int exit = FilesyncCommand.commandLine("histroy").setErr(new PrintWriter(err)).execute("histroy");

        assertThat(exit).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(err.toString()).contains("history");
    }
}
