package org.filesync.jobs;

import java.nio.file.Path;

/** One problem in a job file, printed the way compilers print theirs: {@code FILE:LINE: message}. */
public record JobFileError(Path file, int line, String message) implements Comparable<JobFileError> {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }

    @Override
    public int compareTo(JobFileError other) {
        int byFile = file.toString().compareTo(other.file.toString());
        return byFile != 0 ? byFile : Integer.compare(line, other.line);
    }
}
