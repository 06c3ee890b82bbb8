package org.filesync.history;

import java.util.Map;

/**
 * Where filesync's database is: {@code --db}, else {@code FILESYNC_DB_URL}, else an H2 file in
 * {@code ./data}. Every H2 file URL gets {@link H2FileUrl#DEFAULTS} unless it says otherwise.
 * Credentials come from {@code FILESYNC_DB_USER}/{@code FILESYNC_DB_PASSWORD} or the URL and
 * are never printed.
 */
public record DatabaseSettings(String url, String user, String password) {

    public static final String DEFAULT_URL = "jdbc:h2:file:./data/filesync";

    public static DatabaseSettings resolve(String urlOption, Map<String, String> environment) {
        String url = H2FileUrl.withDefaults(urlOption != null ? urlOption
                : environment.getOrDefault("FILESYNC_DB_URL", DEFAULT_URL));
        String defaultUser = url.startsWith("jdbc:h2:") ? "sa" : null;
        return new DatabaseSettings(url, environment.getOrDefault("FILESYNC_DB_USER", defaultUser),
                environment.getOrDefault("FILESYNC_DB_PASSWORD", url.startsWith("jdbc:h2:") ? "" : null));
    }

    /** The vendor folder of {@code db/migration} this URL's migrations come from. */
    public String vendor() {
        if (url.startsWith("jdbc:h2:")) {
            return "h2";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        throw new IllegalArgumentException("unsupported database URL (filesync works with jdbc:h2: and jdbc:postgresql:): "
                + displayUrl());
    }

    public boolean isPostgres() {
        return vendor().equals("postgresql");
    }

    /** The URL as people may see it: a password inside it is masked. */
    public String displayUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1******");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + displayUrl() + ", user=" + user + "]";
    }
}
