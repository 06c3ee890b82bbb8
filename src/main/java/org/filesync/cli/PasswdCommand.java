package org.filesync.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints the bcrypt hash of a password for the settings file's {@code users:}; the password itself is never shown. */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = "Reads a password on stdin (without echo on a terminal) and prints its bcrypt hash for users: in the settings file.")
final class PasswdCommand implements Callable<Integer> {

    private static final int STRENGTH = 12;
    /** bcrypt reads no further: a longer password would be cut without a word. */
    private static final int LONGEST_BYTES = 72;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String password = readPassword();
        if (password == null || password.isEmpty()) {
            throw new ConfigurationException("passwd: the password is empty");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > LONGEST_BYTES) {
            throw new ConfigurationException("passwd: the password is longer than bcrypt's " + LONGEST_BYTES + " bytes");
        }
        spec.commandLine().getOut().println(new BCryptPasswordEncoder(STRENGTH).encode(password));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    /** The first line of stdin; from a terminal without echo. Null when stdin is at its end. */
    private static String readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password: ");
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
