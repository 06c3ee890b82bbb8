package org.filesync.history;

import java.util.List;

/**
 * Where a run stands among the runs that carried on one interrupted piece of work.
 *
 * @param earlier the runs it continued, oldest first (the last one is the run it {@code resumes})
 * @param later the runs that continued it, in order (the first one resumed it)
 */
public record ResumeChain(List<Long> earlier, List<Long> later) {

    public ResumeChain {
        earlier = List.copyOf(earlier);
        later = List.copyOf(later);
    }
}
