package org.filesync.jobs;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * A {@code notify:} section as written, in a job file or as the settings file's defaults: a
 * component is {@code null} when the section does not give it.
 *
 * @param webhook the receiver's URL, a secret since such URLs often carry a token
 * @param deadline the time of day, in the job's time zone, by which the run answering a fire must
 *                 have COMPLETED; giving it is what turns deadline alerts on
 */
public record NotifySection(Set<NotifyEvent> on, Secret webhook, Secret webhookSecret, List<String> email,
                            Duration remindEvery, LocalTime deadline) {

    public static final NotifySection NONE = new NotifySection(null, null, null, null, null, null);

    public NotifySection {
        on = on == null ? null : Set.copyOf(on);
        email = email == null ? null : List.copyOf(email);
    }

    /** This section, with what it does not give taken from {@code defaults}. */
    public NotifySection over(NotifySection defaults) {
        return new NotifySection(on != null ? on : defaults.on, webhook != null ? webhook : defaults.webhook,
                webhookSecret != null ? webhookSecret : defaults.webhookSecret, email != null ? email : defaults.email,
                remindEvery != null ? remindEvery : defaults.remindEvery, deadline != null ? deadline : defaults.deadline);
    }
}
