package org.filesync.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "The scheduler: fires jobs on their schedules; dashboard.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    FilesyncCommand root;

    @Option(names = "--port", defaultValue = "8080", description = "dashboard port (default: 8080)")
    int port;

    @Option(names = "--node", paramLabel = "NAME", description = "this instance's name (default: env FILESYNC_NODE, else host and pid)")
    String node;

    @Override
    public Integer call() {
        throw new ConfigurationException("serve is not available in this build yet");
    }
}
