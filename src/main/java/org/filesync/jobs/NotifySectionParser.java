package org.filesync.jobs;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads a {@code notify:} section, the same in a job file and in the settings file. */
public final class NotifySectionParser {

    public static final Set<String> KEYS = Set.of("on", "webhook", "webhookSecret", "email", "deadline", "remindEvery");

    private final YamlMapping section;

    public NotifySectionParser(YamlMapping section) {
        this.section = section;
    }

    /** The section; errors are reported and leave their component out. */
    public NotifySection parse() {
        return new NotifySection(section.stringList("on").map(this::events).orElse(null),
                section.string("webhook").filter(this::isWebhookUrl).map(Secret::new).orElse(null),
                section.string("webhookSecret").filter(text -> notEmpty("webhookSecret", text)).map(Secret::new)
                        .orElse(null),
                section.stringList("email").filter(this::areAddresses).orElse(null),
                section.string("remindEvery").flatMap(this::remindEvery).orElse(null),
                section.string("deadline").flatMap(this::deadline).orElse(null));
    }

    private Set<NotifyEvent> events(List<String> names) {
        Set<NotifyEvent> events = EnumSet.noneOf(NotifyEvent.class);
        for (String name : names) {
            JobFileParser.choice(section, "on", name.toLowerCase(Locale.ROOT), NotifyEvent.class).ifPresent(events::add);
        }
        return events;
    }

    /** The URL is not repeated in a message: it may carry a token. */
    private boolean isWebhookUrl(String text) {
        try {
            URI uri = new URI(text);
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null) {
                return true;
            }
        } catch (URISyntaxException e) {
            // reported below, without the text
        }
        section.error("webhook", "must be an http:// or https:// URL with a host");
        return false;
    }

    /** A plain {@code local@domain}: names and angle brackets are not needed for alerts. */
    public static boolean isEmailAddress(String text) {
        return text.matches("[^@\\s<>,;]+@[^@\\s<>,;]+");
    }

    private boolean areAddresses(List<String> addresses) {
        for (String address : addresses) {
            if (!isEmailAddress(address)) {
                section.error("email", "'" + address + "' is not an e-mail address");
                return false;
            }
        }
        return true;
    }

    private boolean notEmpty(String key, String text) {
        if (text.isEmpty()) {
            section.error(key, "must not be empty");
            return false;
        }
        return true;
    }

    private Optional<LocalTime> deadline(String text) {
        if (text.matches("\\d{2}:\\d{2}")) {
            try {
                return Optional.of(LocalTime.parse(text));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        section.error("deadline", "'" + text + "' is not a time of day as HH:mm (\"06:00\")");
        return Optional.empty();
    }

    private Optional<Duration> remindEvery(String text) {
        try {
            Duration duration = DurationText.parse(text);
            if (duration.isZero()) {
                section.error("remindEvery", "must be longer than 0");
                return Optional.empty();
            }
            return Optional.of(duration);
        } catch (IllegalArgumentException e) {
            section.error("remindEvery", e.getMessage());
            return Optional.empty();
        }
    }
}
