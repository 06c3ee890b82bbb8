package org.filesync.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.filesync.history.Database;
import org.filesync.history.FileSearch;
import org.filesync.history.FileSearch.PathPattern;
import org.filesync.history.FileSearchResult;
import org.filesync.history.HistoryFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "file", mixinStandardHelpOptions = true,
        description = "Every run that moved, failed or deleted a path, newest first, and its synced state.")
final class FileCommand implements Callable<Integer> {

    @ParentCommand
    FilesyncCommand root;

    @Parameters(paramLabel = "PATH", description = "a substring of the path, or a glob (*, ?, **) over the whole path")
    String path;

    @Option(names = "--job", paramLabel = "NAME", description = "only this job's runs and synced state")
    String job;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PathPattern pattern;
        try {
            pattern = PathPattern.of(path);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("PATH: " + e.getMessage());
        }
        FileSearchResult found;
        try (Database database = root.options.openDatabase(1)) {
            found = new FileSearch(database.dataSource()).find(pattern, job, FileSearch.DEFAULT_LIMIT);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, found);
            return ExitCode.OK;
        }
        print(out, found);
        return ExitCode.OK;
    }

    private static void print(PrintWriter out, FileSearchResult found) {
        if (found.events().isEmpty()) {
            out.printf("no run moved, failed or deleted a path matching %s%n", found.path());
        } else {
            TextTable table = new TextTable(">RUN", "JOB", "STARTED", "RUN STATUS", "PATH", "STATUS", ">SIZE", ">MOVED",
                    ">REPLY", "MESSAGE");
            found.events().forEach(event -> table.row(event.runId(), event.job(), HistoryFormats.time(event.runStartedAt()),
                    event.runStatus(), event.path(), event.status(), event.size(), event.bytesTransferred(),
                    event.replyCode(), event.message() == null ? "" : event.message()));
            table.print(out);
            if (found.eventsTruncated()) {
                out.printf("(the newest %d only)%n", found.limit());
            }
        }
        out.println();
        if (found.synced().isEmpty()) {
            out.println("no synced file matches");
        } else {
            TextTable table = new TextTable("JOB", "SYNCED PATH", ">SIZE", "SOURCE MODIFIED", "SYNCED");
            found.synced().forEach(file -> table.row(file.job(), file.path(), file.size(),
                    HistoryFormats.time(file.sourceModified()), HistoryFormats.time(file.syncedAt())));
            table.print(out);
            if (found.syncedTruncated()) {
                out.printf("(the first %d only)%n", found.limit());
            }
        }
        out.flush();
    }
}
