package org.filesync.settings;

import org.filesync.jobs.Secret;

/**
 * How alerts reach the SMTP server: the settings file's {@code mail:} section.
 *
 * @param username null for a server that takes mail without logging in
 */
public record MailSettings(String host, int port, StartTls starttls, String username, Secret password, String from) {
}
