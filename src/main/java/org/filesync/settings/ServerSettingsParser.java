package org.filesync.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.filesync.jobs.CertificateKey;
import org.filesync.jobs.DurationText;
import org.filesync.jobs.EnvironmentExpander;
import org.filesync.jobs.JobFileError;
import org.filesync.jobs.NotifySection;
import org.filesync.jobs.NotifySectionParser;
import org.filesync.jobs.PasswordKeys;
import org.filesync.jobs.Problems;
import org.filesync.jobs.Secret;
import org.filesync.jobs.YamlMapping;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * Reads the server settings file, validated like a job file: every error as {@code FILE:LINE:
 * message}, unknown keys rejected, single keys overridden from the environment.
 */
final class ServerSettingsParser {

    static final Set<String> TOP_KEYS = Set.of("mail", "notify", "web", "users", "retention");
    private static final Set<String> WEB_KEYS = Set.of("port", "bind");
    private static final Set<String> MAIL_KEYS = Set.of("host", "port", "starttls", "username", "password",
            "passwordFile", "from", "certificate");

    private final Path file;
    private final boolean exists;
    private final Problems problems;
    private final Function<String, String> environment;

    /** @param exists false when there is no settings file: the environment alone gives the settings */
    ServerSettingsParser(Path file, boolean exists, Function<String, String> environment) {
        this.file = file;
        this.exists = exists;
        this.problems = new Problems(file);
        this.environment = environment;
    }

    Optional<ServerSettings> parse() {
        Optional<MappingNode> document = Optional.empty();
        if (exists) {
            document = YamlMapping.readDocument(file, problems, "settings file", "mail, notify, ...");
            if (document.isEmpty()) {
                return Optional.empty();
            }
        }
        MappingNode root = new EnvironmentOverrides(environment).apply(document);
        YamlMapping top = YamlMapping.of(root, "", 1, TOP_KEYS, problems, new EnvironmentExpander(environment));
        Path folder = file.toAbsolutePath().getParent();
        MailSettings mail = top.mapping("mail", MAIL_KEYS).flatMap(section -> mail(section, folder)).orElse(null);
        NotifySection notify = top.mapping("notify", NotifySectionParser.KEYS)
                .map(section -> new NotifySectionParser(section).parse()).orElse(NotifySection.NONE);
        if (notify.email() != null && mail == null && !top.has("mail")) {
            problems.add(top.lineOf("notify"), "notify.email: e-mail alerts need a mail: section (the SMTP server)");
        }
        Duration retention = top.string("retention").flatMap(text -> retention(top, text)).orElse(null);
        WebSettings web = top.mapping("web", WEB_KEYS).map(section -> new WebSettings(
                section.integer("port").filter(n -> inRange(section, n)).orElse(null),
                section.string("bind").orElse(null))).orElse(WebSettings.NONE);
        List<ConsoleUser> users = ConsoleUsersParser.parse(top);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServerSettings(exists ? file : null, mail, notify, retention, web, users));
    }

    private static Optional<Duration> retention(YamlMapping top, String text) {
        try {
            Duration retention = DurationText.parse(text);
            if (retention.compareTo(Duration.ofDays(1)) >= 0) {
                return Optional.of(retention);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        top.error("retention", "'" + text + "' is not a duration of a day or more (90d, 2160h)");
        return Optional.empty();
    }

    List<JobFileError> errors() {
        return problems.list();
    }

    private static Optional<MailSettings> mail(YamlMapping mail, Path folder) {
        if (!mail.has("host")) {
            mail.missing("host");
        }
        if (!mail.has("from")) {
            mail.missing("from");
        }
        Optional<String> host = mail.string("host");
        int port = mail.integer("port").filter(n -> inRange(mail, n)).orElse(587);
        StartTls starttls = mail.string("starttls").flatMap(text -> starttls(mail, text)).orElse(StartTls.TRUE);
        String username = mail.string("username").orElse(null);
        Secret password = null;
        if (PasswordKeys.given(mail)) {
            password = PasswordKeys.read(mail, folder).orElse(null);
            if (username == null) {
                mail.error(mail.has("password") ? "password" : "passwordFile", "only applies with a username");
            }
        }
        Optional<String> from = mail.string("from").filter(text -> isAddress(mail, "from", text));
        Path certificate = CertificateKey.read(mail, folder).orElse(null);
        if (host.isEmpty() || from.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MailSettings(host.get(), port, starttls, username, password, from.get(), certificate));
    }

    private static boolean inRange(YamlMapping section, int port) {
        if (port < 1 || port > 65535) {
            section.error("port", "must be a port number (1-65535), not " + port);
            return false;
        }
        return true;
    }

    private static Optional<StartTls> starttls(YamlMapping mail, String text) {
        for (StartTls choice : StartTls.values()) {
            if (choice.name().equalsIgnoreCase(text)) {
                return Optional.of(choice);
            }
        }
        mail.error("starttls", "must be true, false or required; not '" + text + "'");
        return Optional.empty();
    }

    private static boolean isAddress(YamlMapping section, String key, String text) {
        if (!NotifySectionParser.isEmailAddress(text)) {
            section.error(key, "'" + text + "' is not an e-mail address");
            return false;
        }
        return true;
    }
}
