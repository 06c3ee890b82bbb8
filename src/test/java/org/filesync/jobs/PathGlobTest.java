package org.filesync.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathGlobTest {

    @Test
    void doubleStarSlashAlsoMatchesAtTheRoot() {
        PathGlob glob = PathGlob.compile("**/*.tar.gz");

        assertThat(glob.matches("a.tar.gz")).isTrue();
        assertThat(glob.matches("x/y/a.tar.gz")).isTrue();
        assertThat(glob.matches("a.tar.gz.part")).isFalse();
    }

    @Test
    void singleStarStaysWithinOneName() {
        PathGlob glob = PathGlob.compile("*.txt");

        assertThat(glob.matches("a.txt")).isTrue();
        assertThat(glob.matches("dir/a.txt")).isFalse();
    }

    @Test
    void bracesAlternateAndClassesMatchOneCharacter() {
        assertThat(PathGlob.compile("**/*.{gz,sha256}").matches("d/x.sha256")).isTrue();
        assertThat(PathGlob.compile("file[0-9].bin").matches("file7.bin")).isTrue();
        assertThat(PathGlob.compile("file[!0-9].bin").matches("file7.bin")).isFalse();
        assertThat(PathGlob.compile("a?c").matches("a/c")).isFalse();
    }

    @Test
    void regexCharactersAreLiteral() {
        assertThat(PathGlob.compile("a+b(1).txt").matches("a+b(1).txt")).isTrue();
        assertThat(PathGlob.compile("a.txt").matches("abtxt")).isFalse();
    }

    @Test
    void rejectsUnbalancedGlobs() {
        assertThatThrownBy(() -> PathGlob.compile("{a,b")).hasMessageContaining("'{' without '}'");
        assertThatThrownBy(() -> PathGlob.compile("[ab")).hasMessageContaining("'[' without ']'");
    }

    @Test
    void excludedFolderKeepsItsWholeTreeOut() {
        PathFilter filter = new PathFilter(List.of(), List.of("**/.*"));

        assertThat(filter.acceptsDirectory(".git")).isFalse();
        assertThat(filter.acceptsDirectory("src/.cache")).isFalse();
        assertThat(filter.acceptsFile("src/.hidden")).isFalse();
        assertThat(filter.acceptsFile("src/main.c")).isTrue();
    }

    @Test
    void includeSelectsFilesButNotFolders() {
        PathFilter filter = new PathFilter(List.of("**/*.gz"), List.of());

        assertThat(filter.acceptsFile("a/b.gz")).isTrue();
        assertThat(filter.acceptsFile("a/b.txt")).isFalse();
        assertThat(filter.acceptsDirectory("a")).isTrue();
    }
}
