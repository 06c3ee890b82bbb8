package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafePathsTest {

    @TempDir
    Path dir;

    @Test
    void rejectsLocalPathWithAnUnsafeSegment() {
        Path root = dir.resolve("root");

        assertThatThrownBy(() -> SafePaths.resolveInside(root, "a/b\\c")).hasMessageContaining("'\\'");
        assertThatThrownBy(() -> SafePaths.resolveInside(root, "a//b")).hasMessageContaining("empty name");
    }

    @Test
    void rejectsListingEntryThatEscapesRoot() {
        Path root = dir.resolve("root");

        assertThatThrownBy(() -> SafePaths.resolveInside(root, "../x")).isInstanceOf(UnsafeLocalPathException.class);
        assertThatThrownBy(() -> SafePaths.resolveInside(root, "a/../../b")).isInstanceOf(UnsafeLocalPathException.class);
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }

    @Test
    void refusesToWriteThroughSymlinkThatLeadsOutside() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(root.resolve("link"), outside);

        assertThatThrownBy(() -> SafePaths.resolveInside(root, "link/file")).hasMessageContaining("symbolic link");
        assertThat(SafePaths.resolveInside(root, "sub/file")).isEqualTo(root.resolve("sub/file"));
    }

    @Test
    void partialFileSitsBesideTheTargetUnderADotName() {
        assertThat(SafePaths.partialName("a/b/file.tar.gz")).isEqualTo("a/b/.file.tar.gz.filesync-part");
        assertThat(SafePaths.partialName("top")).isEqualTo(".top.filesync-part");
        assertThat(SafePaths.finalPath("a/.file.filesync-part")).isEqualTo("a/file");
        assertThat(SafePaths.isPartialName(".x.filesync-part")).isTrue();
        assertThat(SafePaths.isPartialName("x.filesync-part")).isFalse();
    }

    @Test
    void stampSitsBesideThePartialFileAndCountsAsAWorkingFile() {
        assertThat(SafePaths.stampName("a/b/file.tar.gz")).isEqualTo("a/b/.file.tar.gz.filesync-stamp");
        assertThat(SafePaths.finalPath("a/.file.filesync-stamp")).isEqualTo("a/file");
        assertThat(SafePaths.isPartialName(".x.filesync-stamp")).isTrue();
        assertThat(SafePaths.isPartialName(".filesync-stamp")).isFalse();
    }
}
