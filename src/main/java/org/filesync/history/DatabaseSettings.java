package org.filesync.history;

import java.util.Map;

/**
 * Where filesync's database is: {@code --db}, else {@code FILESYNC_DB_URL}, else an H2 file in
 * {@code ./data}. Credentials come from {@code FILESYNC_DB_USER}/{@code FILESYNC_DB_PASSWORD}
 * or the URL and are never printed.
 */
public record DatabaseSettings(String url, String user, String password) {

    /**
     * AUTO_SERVER lets {@code history}, {@code run} and the others share the file while {@code serve}
     * holds it; MAX_COMPACT_TIME bounds the compaction H2 does on close, which otherwise adds a
     * quarter of a second to every short command.
     */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/filesync;AUTO_SERVER=TRUE;MAX_COMPACT_TIME=20";

    public static DatabaseSettings resolve(String urlOption, Map<String, String> environment) {
        String url = urlOption != null ? urlOption : environment.getOrDefault("FILESYNC_DB_URL", DEFAULT_URL);
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
