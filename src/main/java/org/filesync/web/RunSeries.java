package org.filesync.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.filesync.history.HistoryJson;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;

/**
 * Runs as the console's charts plot them, oldest first, one array per measure (uPlot's data shape);
 * embedded in a page as JSON in an attribute, which the template escapes like any other value.
 *
 * @param time when each run started, in Unix seconds
 * @param duration seconds from start to end, null while a run has not ended
 * @param failed whether the run failed (FAILED or COMPLETED_WITH_ERRORS): a failure mark on the chart
 */
record RunSeries(List<Long> runId, List<Long> time, List<Double> duration, List<Long> bytes, List<Integer> transferred,
                 List<Integer> filesFailed, List<Boolean> failed) {

    private static final Set<RunStatus> FAILURES = Set.of(RunStatus.FAILED, RunStatus.COMPLETED_WITH_ERRORS);

    static RunSeries of(List<RunRecord> runs) {
        List<RunRecord> oldestFirst = runs.stream()
                .sorted(Comparator.comparing(RunRecord::startedAt).thenComparing(RunRecord::runId)).toList();
        return new RunSeries(
                oldestFirst.stream().map(RunRecord::runId).toList(),
                oldestFirst.stream().map(run -> run.startedAt().getEpochSecond()).toList(),
                oldestFirst.stream().map(RunSeries::seconds).toList(),
                oldestFirst.stream().map(RunRecord::bytesTransferred).toList(),
                oldestFirst.stream().map(RunRecord::filesTransferred).toList(),
                oldestFirst.stream().map(RunRecord::filesFailed).toList(),
                oldestFirst.stream().map(run -> FAILURES.contains(run.status())).toList());
    }

    private static Double seconds(RunRecord run) {
        return run.finishedAt() == null ? null : Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0;
    }

    String json() {
        try {
            return HistoryJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chart's numbers cannot fail to be written as JSON", e);
        }
    }
}
