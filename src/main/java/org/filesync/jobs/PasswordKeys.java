package org.filesync.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.filesync.ftp.FailureMessages;

/**
 * The {@code password} / {@code passwordFile} pair of a section (a job's remote, the settings'
 * mail): the one place for the password rules. The value is never part of a message.
 */
public final class PasswordKeys {

    private PasswordKeys() {
    }

    /** Whether the section names a password at all. */
    public static boolean given(YamlMapping section) {
        return section.has("password") || section.has("passwordFile");
    }

    /**
     * The section's password, a relative {@code passwordFile} taken from {@code folder}; empty,
     * with the reason reported, when it is not usable.
     */
    public static Optional<Secret> read(YamlMapping section, Path folder) {
        if (section.has("password") && section.has("passwordFile")) {
            section.error("passwordFile", "give either password or passwordFile, not both");
            return Optional.empty();
        }
        if (section.has("password")) {
            return section.string("password").filter(text -> {
                if (text.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                    // a secret read from a file into the environment often keeps its newline
                    section.error("password", "contains a line break or NUL (a trailing newline from a secret file?)");
                    return false;
                }
                return true;
            }).map(Secret::new);
        }
        return section.string("passwordFile").flatMap(text -> readFile(section, folder.resolve(text).normalize()));
    }

    private static Optional<Secret> readFile(YamlMapping section, Path path) {
        try {
            String content = Files.readString(path, StandardCharsets.UTF_8);
            String password = content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                    : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
            if (password.isEmpty()) {
                section.error("passwordFile", "'" + path + "' is empty");
                return Optional.empty();
            }
            if (password.contains("\n") || password.contains("\r")) {
                section.error("passwordFile", "'" + path + "' must hold the password on one line");
                return Optional.empty();
            }
            return Optional.of(new Secret(password));
        } catch (IOException e) {
            section.error("passwordFile", "cannot read '" + path + "': " + FailureMessages.reason(e));
            return Optional.empty();
        }
    }
}
