package org.filesync.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "demo", description = "Run a sample job against a built-in local FTP server.")
final class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new ConfigurationException("demo is not available in this build yet");
    }
}
