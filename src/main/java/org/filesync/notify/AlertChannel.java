package org.filesync.notify;

import org.filesync.jobs.NotifySection;

/** One way an alert reaches people: a webhook, e-mail. */
interface AlertChannel {

    /** As recorded in the history: {@code webhook}, {@code email}. */
    String name();

    /** Whether a job with these rules sends its alerts this way. */
    boolean isConfigured(NotifySection rules);

    /** One attempt to deliver the alert. */
    void send(Alert alert, NotifySection rules) throws DeliveryFailure, InterruptedException;
}
