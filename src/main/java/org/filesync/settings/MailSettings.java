package org.filesync.settings;

import java.nio.file.Path;
import org.filesync.jobs.Secret;

/**
 * How alerts reach the SMTP server: the settings file's {@code mail:} section.
 *
 * @param username null for a server that takes mail without logging in
 * @param certificate PEM certificates trusted besides the JVM's, or null
 */
public record MailSettings(String host, int port, StartTls starttls, String username, Secret password, String from,
                           Path certificate) {
}
