package org.filesync.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.filesync.jobs.NotifySection;

/**
 * The server settings file, validated.
 *
 * @param file where they were read from, or null when there is no settings file
 * @param mail null when no SMTP server is configured
 * @param notifyDefaults what a job's {@code notify:} section does not say itself
 * @param retention how long {@code serve} keeps runs in the history; null to keep them all
 * @param web where {@code serve}'s web side listens, where the command line does not say
 * @param users who may log in to the console; empty when no one may
 */
public record ServerSettings(Path file, MailSettings mail, NotifySection notifyDefaults, Duration retention,
                             WebSettings web, List<ConsoleUser> users) {

    public static final ServerSettings NONE = new ServerSettings(null, null, NotifySection.NONE, null, WebSettings.NONE,
            List.of());

    public ServerSettings {
        users = List.copyOf(users);
    }
}
