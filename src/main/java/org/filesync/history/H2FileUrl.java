package org.filesync.history;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The settings filesync gives every embedded H2 file database, whoever wrote its URL. A setting
 * the URL names itself (in any case) stays as the URL says: {@code AUTO_SERVER=FALSE} turns the
 * sharing off, {@code WRITE_DELAY=500} trades durability for speed.
 */
final class H2FileUrl {

    /**
     * With WRITE_DELAY=0 the committing thread writes the file itself, and a thread interrupted
     * while it writes (Quartz stopping its scheduler thread, a stop cutting a transfer) closes the
     * NIO channel under H2, which then closes the whole database. H2's {@code retry:} file system
     * reopens the channel and writes again. The database files are the same as without it.
     */
    private static final String FILE_SYSTEM = "retry:";
    private static final Pattern FILE_SYSTEM_PREFIX = Pattern.compile("^[A-Za-z]{2,}:");

    /**
     * AUTO_SERVER: the first process to open the file serves it to the others, so commands work
     * beside {@code serve}. WRITE_DELAY=0: MVStore writes each commit to the file before the
     * commit returns; by default it writes up to 500 ms later, and kill -9 lost committed rows.
     * LOCK_TIMEOUT: a row lock is waited for up to 10 s instead of H2's 1 s, so Flyway's lock on the
     * schema history holds back the other processes that open a new database at the same moment
     * until the first has migrated it, rather than failing them. MAX_COMPACT_TIME=0: no compaction
     * on close, which cost every short command about 0.2 s; {@link H2Compaction} compacts when the
     * file has become mostly free space.
     */
    static final List<String> DEFAULTS = List.of("AUTO_SERVER=TRUE", "WRITE_DELAY=0", "LOCK_TIMEOUT=10000",
            "MAX_COMPACT_TIME=0");

    private H2FileUrl() {
    }

    /** An embedded file database: {@code jdbc:h2:file:...}, or a bare path ({@code jdbc:h2:./x}, {@code ~/x}, {@code /x}, {@code retry:...}). */
    static boolean isEmbeddedFile(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length());
        return rest.startsWith("file:") || rest.startsWith(FILE_SYSTEM) || rest.startsWith(".") || rest.startsWith("~")
                || rest.startsWith("/");
    }

    /**
     * The URL on H2's {@code retry:} file system (unless it names a file system itself), with each
     * default it does not set itself appended.
     */
    static String withDefaults(String url) {
        if (!isEmbeddedFile(url)) {
            return url;
        }
        return withSettings(onRetryFileSystem(url), DEFAULTS);
    }

    /** The URL with each of {@code settings} it does not name itself appended. */
    static String withSettings(String url, List<String> settings) {
        Set<String> named = Arrays.stream(url.split(";")).skip(1).map(H2FileUrl::name).collect(Collectors.toSet());
        StringBuilder withSettings = new StringBuilder(url);
        settings.stream().filter(setting -> !named.contains(name(setting)))
                .forEach(setting -> withSettings.append(';').append(setting));
        return withSettings.toString();
    }

    /**
     * The folder an embedded file database lives in, when it is on the local disk. filesync makes it
     * itself: H2 on its {@code retry:} file system fails when two processes create it at once.
     */
    static Optional<Path> folder(String url) {
        return file(url).map(Path::getParent);
    }

    /**
     * The lock file H2 keeps beside an embedded file database while a process has it open (and, in
     * AUTO_SERVER mode, serves it), when the database is on the local disk.
     */
    static Optional<Path> lockFile(String url) {
        return file(url).map(file -> file.resolveSibling(file.getFileName() + ".lock.db"));
    }

    private static Optional<Path> file(String url) {
        if (!isEmbeddedFile(url)) {
            return Optional.empty();
        }
        String path = url.substring(url.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:".length() : "jdbc:h2:".length())
                .split(";", 2)[0];
        if (path.startsWith(FILE_SYSTEM)) {
            path = path.substring(FILE_SYSTEM.length());
        } else if (FILE_SYSTEM_PREFIX.matcher(path).find()) {
            return Optional.empty();
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(Path.of(path).toAbsolutePath().normalize());
    }

    private static String onRetryFileSystem(String url) {
        String type = url.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:" : "jdbc:h2:";
        String path = url.substring(type.length());
        return FILE_SYSTEM_PREFIX.matcher(path).find() ? url : type + FILE_SYSTEM + path;
    }

    private static String name(String setting) {
        return setting.split("=", 2)[0].trim().toUpperCase(Locale.ROOT);
    }
}
