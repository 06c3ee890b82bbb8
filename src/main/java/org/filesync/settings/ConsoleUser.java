package org.filesync.settings;

import org.filesync.jobs.Secret;

/**
 * Who may log in to {@code serve}'s console: an entry of the settings file's {@code users:}.
 *
 * @param passwordHash a bcrypt hash ({@code filesync passwd} prints one); a {@link Secret}, so that
 *                     no {@code toString} shows it
 */
public record ConsoleUser(String name, Secret passwordHash, ConsoleRole role) {
}
