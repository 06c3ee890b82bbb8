package org.filesync.cli;

import org.filesync.history.HistoryFormats;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.filesync.mirror.MirrorPlan;
import org.filesync.mirror.PlannedFile;
import org.filesync.mirror.RejectedEntry;

/** Prints what a run would do, for {@code run --dry-run}. */
final class PlanPrinter {

    private PlanPrinter() {
    }

    static void print(PrintWriter out, MirrorPlan plan, boolean json) {
        if (json) {
            JsonOutput.print(out, planDocument(plan));
            return;
        }
        for (String folder : plan.directoriesToCreate()) {
            out.printf("create   %s/%n", folder);
        }
        for (PlannedFile file : plan.transfers()) {
            out.printf("transfer %s (%s, %s)%n", file.path(), HistoryFormats.bytes(Math.max(0, file.size())), file.reason().text());
        }
        for (PlannedFile file : plan.tooYoung()) {
            out.printf("wait     %s (%s)%n", file.path(), file.reason().text());
        }
        for (String path : plan.filesToDelete()) {
            out.printf("delete   %s%n", path);
        }
        if (plan.deletesRefused() != null) {
            out.printf("refuse   %s%n", plan.deletesRefused());
        }
        for (RejectedEntry entry : plan.rejected()) {
            out.printf("reject   %s: %s%n", entry.path(), entry.reason());
        }
        for (String problem : plan.listingProblems()) {
            out.printf("problem  %s%n", problem);
        }
        out.printf("dry run: would transfer %d file(s) (%s), skip %d, leave %d too young, delete %d, create %d folder(s);"
                        + " nothing was changed%n",
                plan.transfers().size(), HistoryFormats.bytes(plan.bytesToTransfer()), plan.skipped(),
                plan.tooYoung().size(),
                plan.filesToDelete().size(), plan.directoriesToCreate().size());
        out.flush();
    }

    /** The dry-run plan as --json prints it. */
    private static Map<String, Object> planDocument(MirrorPlan plan) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("transfer", plan.transfers().stream().map(file -> Map.of("path", file.path(),
                "size", file.size(), "reason", file.reason().text())).toList());
        document.put("skip", plan.skipped());
        document.put("createFolders", plan.directoriesToCreate());
        document.put("tooYoung", plan.tooYoung().stream().map(file -> Map.of("path", file.path(),
                "reason", file.reason().text())).toList());
        document.put("delete", plan.filesToDelete());
        document.put("deletesRefused", plan.deletesRefused());
        document.put("rejected", plan.rejected().stream().map(entry -> Map.of("path", entry.path(),
                "reason", entry.reason())).toList());
        document.put("listingProblems", plan.listingProblems());
        return document;
    }
}
