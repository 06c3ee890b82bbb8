package org.filesync.web;

import java.util.List;
import org.filesync.history.HistoryFormats;
import org.filesync.history.RunRecord;
import org.filesync.history.TransferRecord;
import org.filesync.schedule.JobStatus;

/** The dashboard's two pages, rendered on the server: every value from the history is escaped. */
final class DashboardPages {

    private static final String STYLE = """
            body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}
            h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}
            table{border-collapse:collapse;width:100%}th,td{padding:.3em .6em;border-bottom:1px solid #ddd;text-align:left}
            th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .COMPLETED{color:#1a7f37}.COMPLETED_WITH_ERRORS,.SKIPPED,.STOPPED{color:#9a6700}.FAILED{color:#cf222e}
            .RUNNING,.IN_PROGRESS{color:#0969da}.DONE{color:#1a7f37}.muted{color:#777}
            """;

    private DashboardPages() {
    }

    static String overview(List<JobStatus> jobs, List<RunRecord> runs) {
        StringBuilder html = page("filesync");
        html.append("<h1>filesync</h1><h2>Jobs</h2><table><tr><th>Job</th><th>Direction</th><th>Schedule</th>"
                + "<th>Next fire</th><th>Last run</th><th>Running</th><th>Remote</th><th>Local</th></tr>");
        for (JobStatus job : jobs) {
            RunRecord last = job.lastRun();
            html.append("<tr><td>").append(escape(job.name())).append("<div class=muted>")
                    .append(escape(job.description())).append("</div></td><td>").append(escape(job.direction()))
                    .append("</td><td>").append(escape(job.schedule() == null ? "manual" : job.schedule() + " (" + job.timezone() + ")"))
                    .append("</td><td>").append(HistoryFormats.time(job.nextFireTime())).append("</td><td>")
                    .append(last == null ? "never" : runLink(last) + " " + status(last.status().name()))
                    .append("</td><td>").append(job.running() ? status("RUNNING") : "no").append("</td><td>")
                    .append(escape(job.remote())).append("</td><td>").append(escape(job.local())).append("</td></tr>");
        }
        html.append("</table><h2>Recent runs</h2>");
        runsTable(html, runs);
        return html.append("</body></html>").toString();
    }

    static String run(RunRecord run, List<TransferRecord> transfers) {
        StringBuilder html = page("filesync run " + run.runId());
        html.append("<p><a href=\"/\">all jobs and runs</a></p><h1>Run ").append(run.runId()).append(" of ")
                .append(escape(run.job())).append(" ").append(status(run.status().name())).append("</h1>");
        runsTable(html, List.of(run));
        if (run.error() != null) {
            html.append("<p class=FAILED>").append(escape(run.error())).append("</p>");
        }
        html.append("<h2>Files</h2><table><tr><th>Path</th><th>Status</th><th>Size</th><th>Moved</th>"
                + "<th>Resumed from</th><th>Attempts</th><th>Reply</th><th>Message</th></tr>");
        for (TransferRecord transfer : transfers) {
            html.append("<tr><td>").append(escape(transfer.path())).append("</td><td>")
                    .append(status(transfer.status().name())).append("</td><td class=n>")
                    .append(transfer.size() == null ? "" : HistoryFormats.bytes(transfer.size())).append("</td><td class=n>")
                    .append(HistoryFormats.bytes(transfer.bytesTransferred())).append("</td><td class=n>")
                    .append(transfer.resumedFrom()).append("</td><td class=n>").append(transfer.attempts())
                    .append("</td><td class=n>").append(transfer.replyCode() == null ? "" : transfer.replyCode())
                    .append("</td><td>").append(escape(transfer.message())).append("</td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static void runsTable(StringBuilder html, List<RunRecord> runs) {
        html.append("<table><tr><th>Run</th><th>Job</th><th>Trigger</th><th>Status</th><th>Started</th>"
                + "<th>Duration</th><th>Files ok / skipped / failed / deleted</th><th>Bytes</th><th>Rate</th>"
                + "<th>Node</th><th>Error</th></tr>");
        for (RunRecord run : runs) {
            html.append("<tr><td>").append(runLink(run)).append(run.resumes() == null ? ""
                            : " <span class=muted>resumes " + run.resumes() + "</span>")
                    .append("</td><td>").append(escape(run.job())).append("</td><td>").append(escape(run.trigger()))
                    .append("</td><td>").append(status(run.status().name())).append("</td><td>")
                    .append(HistoryFormats.time(run.startedAt())).append("</td><td class=n>")
                    .append(HistoryFormats.duration(run.startedAt(), run.finishedAt())).append("</td><td class=n>")
                    .append(run.filesTransferred()).append(" / ").append(run.filesSkipped()).append(" / ")
                    .append(run.filesFailed()).append(" / ").append(run.filesDeleted()).append("</td><td class=n>")
                    .append(HistoryFormats.bytes(run.bytesTransferred())).append("</td><td class=n>")
                    .append(HistoryFormats.rate(run.bytesTransferred(), run.startedAt(), run.finishedAt()))
                    .append("</td><td>").append(escape(run.node())).append("</td><td>").append(escape(run.error()))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static StringBuilder page(String title) {
        return new StringBuilder("<!doctype html><html><head><meta charset=utf-8>"
                + "<meta http-equiv=refresh content=10><title>").append(escape(title))
                .append("</title><style>").append(STYLE).append("</style></head><body>");
    }

    private static String runLink(RunRecord run) {
        return "<a href=\"/runs/" + run.runId() + "\">#" + run.runId() + "</a>";
    }

    private static String status(String status) {
        return "<span class=" + status + ">" + status + "</span>";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
