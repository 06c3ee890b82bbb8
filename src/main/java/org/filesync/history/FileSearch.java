package org.filesync.history;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.filesync.jobs.PathGlob;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Where is this file?": every run that moved, failed or deleted a path matching a
 * {@link PathPattern}, newest first, and the paths' current synced state in the catalog. Both
 * lists are cut at a limit, and say so. The database narrows with {@code LIKE}; a glob's finer
 * rules ({@code *} within one name) are checked here, on the rows read newest first, and reading
 * stops at the limit.
 */
public final class FileSearch {

    public static final int DEFAULT_LIMIT = 500;

    private static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;

    public FileSearch(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // rows come in pages, so a search that fills its limit early leaves the rest unread
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
    }

    /** @param job only this job's runs and catalog, or every job when null */
    public FileSearchResult find(PathPattern pattern, String job, int limit) {
        List<FileSearchResult.FileEvent> events = events(pattern, job, limit + 1);
        List<FileSearchResult.SyncedFile> synced = synced(pattern, job, limit + 1);
        return new FileSearchResult(pattern.text(), pattern.isGlob() ? "glob" : "substring", job, limit,
                events.size() > limit, events.subList(0, Math.min(limit, events.size())),
                synced.size() > limit, synced.subList(0, Math.min(limit, synced.size())));
    }

    /** A matching file row, before its run's figures join it. */
    private record Row(long runId, String path, TransferStatus status, Long size, long bytesTransferred,
                       Integer replyCode, String message, Instant finishedAt) {
    }

    /** The run's figures a file event shows. */
    private record Run(String job, RunStatus status, Instant startedAt) {
    }

    private List<FileSearchResult.FileEvent> events(PathPattern pattern, String job, int limit) {
        // no join here: H2 took four times as long over a million rows with fs_run joined
        String sql = "SELECT run_id, path, status, file_size, bytes_transferred, reply_code, message, finished_at "
                + "FROM fs_transfer WHERE status IN ('DONE', 'FAILED', 'DELETED', 'IN_PROGRESS') "
                + "AND path LIKE :like ESCAPE '\\' "
                + (job == null ? "" : "AND run_id IN (SELECT run_id FROM fs_run WHERE job_name = :job) ")
                + "ORDER BY transfer_id DESC";
        var statement = jdbc.sql(sql).param("like", pattern.like());
        if (job != null) {
            statement = statement.param("job", job);
        }
        List<Row> rows;
        try (Stream<Row> all = statement.query((rs, row) -> new Row(rs.getLong(1), rs.getString(2),
                TransferStatus.valueOf(rs.getString(3)), (Long) rs.getObject(4), rs.getLong(5), (Integer) rs.getObject(6),
                rs.getString(7), RunHistory.instant(rs, 8))).stream()) {
            rows = all.filter(row -> pattern.matches(row.path())).limit(limit).toList();
        }
        Map<Long, Run> runs = runs(rows.stream().map(Row::runId).collect(Collectors.toSet()));
        return rows.stream().map(row -> {
            Run run = runs.get(row.runId());
            return new FileSearchResult.FileEvent(row.runId(), run.job(), run.status(), run.startedAt(), row.path(),
                    row.status(), row.size(), row.bytesTransferred(), row.replyCode(), row.message(), row.finishedAt());
        }).toList();
    }

    private Map<Long, Run> runs(Set<Long> runIds) {
        Map<Long, Run> runs = new HashMap<>();
        if (!runIds.isEmpty()) {
            jdbc.sql("SELECT run_id, job_name, status, started_at FROM fs_run WHERE run_id IN (:ids)")
                    .param("ids", List.copyOf(runIds))
                    .query((rs, row) -> runs.put(rs.getLong(1), new Run(rs.getString(2),
                            RunStatus.valueOf(rs.getString(3)), RunHistory.instant(rs, 4)))).list();
        }
        return runs;
    }

    private List<FileSearchResult.SyncedFile> synced(PathPattern pattern, String job, int limit) {
        String sql = "SELECT job_name, path, file_size, source_modified, synced_at FROM fs_synced_file "
                + "WHERE path LIKE :like ESCAPE '\\' " + (job == null ? "" : "AND job_name = :job ")
                + "ORDER BY job_name, path";
        var statement = jdbc.sql(sql).param("like", pattern.like());
        if (job != null) {
            statement = statement.param("job", job);
        }
        try (Stream<FileSearchResult.SyncedFile> rows = statement.query((rs, row) -> new FileSearchResult.SyncedFile(
                rs.getString(1), rs.getString(2), rs.getLong(3), RunHistory.instant(rs, 4),
                RunHistory.instant(rs, 5))).stream()) {
            return rows.filter(file -> pattern.matches(file.path())).limit(limit).toList();
        }
    }

    /**
     * What the operator typed: a glob over the whole path when it has {@code *} or {@code ?}
     * ({@link PathGlob}'s rules), else a substring of the path.
     */
    public record PathPattern(String text, boolean isGlob, String like, PathGlob glob) {

        /** @throws IllegalArgumentException when the text is empty or not a valid glob */
        public static PathPattern of(String text) {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty path");
            }
            if (text.indexOf('*') < 0 && text.indexOf('?') < 0) {
                return new PathPattern(text, false, "%" + escapeLike(text) + "%", null);
            }
            return new PathPattern(text, true, globToLike(text), PathGlob.compile(text));
        }

        public boolean matches(String path) {
            return glob == null || glob.matches(path);
        }

        /** A LIKE pattern that matches at least every path the glob matches. */
        private static String globToLike(String glob) {
            StringBuilder like = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                switch (c) {
                    case '*', '{', '[' -> {
                        if (glob.startsWith("**/", i)) {
                            i += 2; // "**/" also matches at the root: no slash required
                        }
                        if (c != '*') {
                            i = Math.max(i, glob.indexOf(c == '{' ? '}' : ']', i));
                        }
                        if (like.isEmpty() || like.charAt(like.length() - 1) != '%') {
                            like.append('%');
                        }
                    }
                    case '?' -> like.append('_');
                    case '\\' -> like.append(escapeLike(String.valueOf(glob.charAt(Math.min(++i, glob.length() - 1)))));
                    default -> like.append(escapeLike(String.valueOf(c)));
                }
            }
            return like.toString();
        }

        private static String escapeLike(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
