package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemotePathsTest {

    @Test
    void joinsTheRootAsWritten() {
        assertThat(RemotePaths.join("", "a/b")).isEqualTo("a/b");
        assertThat(RemotePaths.join("pub", "a")).isEqualTo("pub/a");
        assertThat(RemotePaths.join("pub/", "a")).isEqualTo("pub/a");
        assertThat(RemotePaths.join("/", "a")).isEqualTo("/a");
    }

    @Test
    void anEmptyPathIsTheFolderItself() {
        assertThat(RemotePaths.join("/srv/pub", "")).isEqualTo("/srv/pub");
        assertThat(RemotePaths.join("/", "")).isEqualTo("/");
        assertThat(RemotePaths.join("", "")).isEqualTo(".");
    }
}
