package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntryNamesTest {

    @Test
    void rejectsNamesWithSeparatorsControlCharactersAndDots() {
        assertThat(EntryNames.rejectionOf("a/b")).contains("'/'");
        assertThat(EntryNames.rejectionOf("a\\b")).contains("'\\'");
        assertThat(EntryNames.rejectionOf("a\rb")).contains("CR");
        assertThat(EntryNames.rejectionOf("a\nb")).contains("LF");
        assertThat(EntryNames.rejectionOf("a\0b")).contains("NUL");
        assertThat(EntryNames.rejectionOf("..")).isNotNull();
        assertThat(EntryNames.rejectionOf(".")).isNotNull();
        assertThat(EntryNames.rejectionOf("")).isNotNull();
    }

    @Test
    void acceptsOrdinaryNamesThatOnlyLookOdd() {
        assertThat(EntryNames.rejectionOf("..hidden")).isNull();
        assertThat(EntryNames.rejectionOf("Übersicht – café.txt")).isNull();
    }
}
