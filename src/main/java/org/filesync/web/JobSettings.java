package org.filesync.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.filesync.ftp.FtpEndpoint;
import org.filesync.history.HistoryFormats;
import org.filesync.jobs.JobDefinition;
import org.filesync.jobs.NotifyEvent;
import org.filesync.jobs.NotifySection;
import org.filesync.jobs.Secret;

/** A job's settings as loaded, key by key as its file names them, every secret shown only as {@code (set)}. */
final class JobSettings {

    static final String SET = "(set)";

    private JobSettings() {
    }

    record Setting(String key, String value) {
    }

    static List<Setting> of(JobDefinition job) {
        FtpEndpoint server = job.remote().server();
        NotifySection notify = job.alerts();
        List<Setting> settings = new ArrayList<>();
        add(settings, "name", job.name());
        add(settings, "description", job.description());
        add(settings, "file", job.sourceFile());
        add(settings, "schedule", job.schedule() == null ? "manual only" : job.schedule());
        add(settings, "timezone", job.timezone());
        add(settings, "direction", lower(job.direction()));
        add(settings, "remote.url", job.remote().displayUrl());
        add(settings, "remote.username", server.username());
        add(settings, "remote.password", secret(job.remote().password()));
        add(settings, "remote.tls", lower(server.tls()));
        add(settings, "remote.certificate", server.certificate());
        add(settings, "remote.verifyCertificate", server.verifyCertificate());
        add(settings, "remote.passive", server.passive());
        add(settings, "remote.activeAddress", server.activeAddress());
        add(settings, "remote.activePorts", server.activePorts());
        add(settings, "remote.transferMode", lower(server.transferMode()));
        add(settings, "remote.markerInterval", server.markerInterval() == 0 ? null : HistoryFormats.bytes(server.markerInterval()));
        add(settings, "remote.connectTimeout", duration(server.connectTimeout()));
        add(settings, "remote.idleTimeout", duration(server.idleTimeout()));
        add(settings, "local.path", job.localPath());
        add(settings, "include", list(job.include()));
        add(settings, "exclude", list(job.exclude()));
        add(settings, "delete", job.delete());
        add(settings, "parallel", job.parallel());
        add(settings, "verify", lower(job.verify()));
        add(settings, "retries", job.retries());
        add(settings, "maxFailures", job.maxFailures());
        add(settings, "bandwidthLimit", job.bandwidthLimit() == 0 ? "unlimited" : HistoryFormats.bytes(job.bandwidthLimit()) + "/s");
        add(settings, "misfire", lower(job.misfire()));
        add(settings, "notify.on", notify.on() == null ? null : list(notify.on().stream().map(NotifyEvent::key).sorted().toList()));
        add(settings, "notify.webhook", secret(notify.webhook()));
        add(settings, "notify.webhookSecret", secret(notify.webhookSecret()));
        add(settings, "notify.email", notify.email() == null ? null : list(notify.email()));
        add(settings, "notify.deadline", notify.deadline());
        add(settings, "notify.remindEvery", duration(notify.remindEvery()));
        return settings;
    }

    private static void add(List<Setting> settings, String key, Object value) {
        if (value != null) {
            settings.add(new Setting(key, value.toString()));
        }
    }

    private static String secret(Secret secret) {
        return secret == null ? null : SET;
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    private static String duration(Duration duration) {
        return duration == null ? null : duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private static String list(Collection<?> values) {
        return values.isEmpty() ? null : String.join(", ", values.stream().map(Objects::toString).toList());
    }
}
