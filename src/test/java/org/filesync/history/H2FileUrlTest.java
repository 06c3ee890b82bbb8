package org.filesync.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every H2 file URL is shared and durable unless it says otherwise; other URLs are left alone. */
class H2FileUrlTest {

    private static String resolved(String url) {
        return DatabaseSettings.resolve(url, Map.of()).url();
    }

    @Test
    void anH2FileUrlOfTheUsersOwnGetsSharingAndDurableCommits() {
        assertThat(resolved("jdbc:h2:file:/var/lib/filesync/db"))
                .isEqualTo("jdbc:h2:file:retry:/var/lib/filesync/db;AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000;MAX_COMPACT_TIME=0");
        assertThat(resolved("jdbc:h2:./data/x")).startsWith("jdbc:h2:retry:./data/x;").contains(";AUTO_SERVER=TRUE", ";WRITE_DELAY=0");
        assertThat(DatabaseSettings.resolve(null, Map.of()).url())
                .startsWith("jdbc:h2:file:retry:./data/filesync").contains(";AUTO_SERVER=TRUE");
    }

    @Test
    void theFolderOfAFileDatabaseIsFoundWhateverTheUrlsForm() {
        assertThat(H2FileUrl.folder(resolved("jdbc:h2:file:/var/lib/filesync/db"))).contains(Path.of("/var/lib/filesync"));
        assertThat(H2FileUrl.folder(resolved("jdbc:h2:./data/x"))).contains(Path.of("data").toAbsolutePath());
        assertThat(H2FileUrl.folder(resolved("jdbc:h2:~/fs/db"))).contains(Path.of(System.getProperty("user.home"), "fs"));
        assertThat(H2FileUrl.folder("jdbc:h2:mem:x")).isEmpty();
        assertThat(H2FileUrl.folder("jdbc:h2:file:async:/db")).isEmpty();
    }

    @Test
    void theLockFileNamedIsTheOneH2KeepsWhileTheFileIsOpen(@TempDir Path dir) {
        DatabaseSettings settings = DatabaseSettings.resolve("jdbc:h2:file:" + dir.resolve("db/filesync"), Map.of());
        Path lockFile = H2FileUrl.lockFile(settings.url()).orElseThrow();
        try (Database database = Database.open(settings, 1)) {
            assertThat(lockFile).exists();
        }
        assertThat(lockFile).doesNotExist();
        assertThat(H2FileUrl.lockFile("jdbc:h2:mem:x")).isEmpty();
    }

    @Test
    void aFileSystemTheUrlNamesItselfStays() {
        assertThat(resolved("jdbc:h2:file:async:/db")).startsWith("jdbc:h2:file:async:/db;");
        assertThat(resolved("jdbc:h2:file:retry:/db")).startsWith("jdbc:h2:file:retry:/db;");
    }

    @Test
    void aSettingTheUrlNamesItselfInAnyCaseStaysAsTheUrlSaysIt() {
        assertThat(resolved("jdbc:h2:file:/db;auto_server=false;Write_Delay=500"))
                .isEqualTo("jdbc:h2:file:retry:/db;auto_server=false;Write_Delay=500;LOCK_TIMEOUT=10000;MAX_COMPACT_TIME=0");
    }

    @Test
    void inMemoryServerAndPostgresqlUrlsAreLeftAlone() {
        assertThat(resolved("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(resolved("jdbc:h2:tcp://db/x")).isEqualTo("jdbc:h2:tcp://db/x");
        assertThat(resolved("jdbc:postgresql://db/filesync")).isEqualTo("jdbc:postgresql://db/filesync");
    }
}
