package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Local failures name their file and say what went wrong, whatever the JDK put in the message. */
class LocalFileExceptionTest {

    @Test
    void permissionDeniedSaysSoBesideTheFile() {
        // the JDK's AccessDeniedException (EACCES) carries the file name alone
        assertThat(FailureMessages.of(new AccessDeniedException("/data/mirror")))
                .isEqualTo("/data/mirror: permission denied");
    }

    @Test
    void aWriteFailureWithoutAFileNameGetsTheTransfersFile() {
        // FileChannel.write on a full disk: an IOException that names no file
        LocalFileException full = new LocalFileException(Path.of("/data/.a.bin.filesync-part"),
                new IOException("No space left on device"));

        assertThat(full).hasMessage("/data/.a.bin.filesync-part: No space left on device");
        assertThat(FailureMessages.of(full)).isEqualTo(full.getMessage());
    }

    @Test
    void aFileSystemReasonIsKeptOnce() {
        assertThat(new LocalFileException(Path.of("/data/.a.bin.filesync-part"),
                new FileSystemException("/data/.a.bin.filesync-part", null, "Read-only file system")))
                .hasMessage("/data/.a.bin.filesync-part: Read-only file system");
    }
}
