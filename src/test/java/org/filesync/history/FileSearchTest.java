package org.filesync.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import org.filesync.history.FileSearch.PathPattern;
import org.filesync.history.FileSearchResult.FileEvent;
import org.filesync.jobs.JobDefinition;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.MirrorHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * File search over the history of two real runs of a job against a real server: the first
 * fetches every file but one the server refuses (550), the second fetches a changed file again and
 * deletes one that vanished from the source. The tests only read, so the runs are made once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileSearchTest {

    private ApacheFtpServer server;
    private FaultProxy proxy;
    private MirrorHarness harness;
    private FileSearch search;
    private long first;
    private long second;

    @BeforeAll
    void runTwice(@TempDir Path dir) throws Exception {
        Path served = Files.createDirectories(dir.resolve("served/pub/docs"));
        Files.writeString(served.resolve("../a.tar.gz"), "first version");
        Files.writeString(served.resolve("b.tar.gz"), "b");
        Files.writeString(served.resolve("../notes.txt"), "notes");
        Files.writeString(served.resolve("../old.txt"), "old");
        Files.writeString(served.resolve("../refused.tar.gz"), "refused");
        server = ApacheFtpServer.start(dir.resolve("served"));
        proxy = FaultProxy.start("127.0.0.1", server.port());
        proxy.answerInstead("RETR /pub/refused.tar.gz", "550 refused.tar.gz: Permission denied");
        harness = new MirrorHarness(dir);
        JobDefinition job = harness.job("mirror", server, proxy.port(), "download", "pub", dir.resolve("target"),
                "delete: true");
        first = harness.run(job).runId();
        Files.writeString(served.resolve("../a.tar.gz"), "second, longer version");
        Files.delete(served.resolve("../old.txt"));
        second = harness.run(job).runId();
        search = new FileSearch(harness.database().dataSource());
    }

    @AfterAll
    void stop() {
        harness.close();
        proxy.close();
        server.close();
    }

    @Test
    void substringFindsEveryRunOfThePathNewestFirstAndItsSyncedState() {
        FileSearchResult found = search.find(PathPattern.of("a.tar"), null, FileSearch.DEFAULT_LIMIT);

        assertThat(found.match()).isEqualTo("substring");
        assertThat(found.events()).extracting(FileEvent::runId, FileEvent::path, FileEvent::status, FileEvent::size)
                .containsExactly(tuple(second, "a.tar.gz", TransferStatus.DONE, 22L),
                        tuple(first, "a.tar.gz", TransferStatus.DONE, 13L));
        assertThat(found.events().get(0).job()).isEqualTo("mirror");
        assertThat(found.events().get(0).runStatus()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
        assertThat(found.synced()).singleElement().satisfies(synced -> {
            assertThat(synced.job()).isEqualTo("mirror");
            assertThat(synced.path()).isEqualTo("a.tar.gz");
            assertThat(synced.size()).isEqualTo(22);
        });
        assertThat(found.eventsTruncated()).isFalse();
    }

    @Test
    void globStarStaysWithinOneFolderAndFindsTheRefusedFileWithItsReply() {
        FileSearchResult found = search.find(PathPattern.of("*.tar.gz"), null, FileSearch.DEFAULT_LIMIT);

        assertThat(found.match()).isEqualTo("glob");
        assertThat(found.events()).extracting(FileEvent::path).doesNotContain("docs/b.tar.gz")
                .containsOnly("a.tar.gz", "refused.tar.gz");
        assertThat(found.events()).filteredOn(event -> event.path().equals("refused.tar.gz"))
                .hasSize(2).allSatisfy(event -> {
                    assertThat(event.status()).isEqualTo(TransferStatus.FAILED);
                    assertThat(event.replyCode()).isEqualTo(550);
                    assertThat(event.message()).contains("Permission denied");
                });
        assertThat(found.synced()).extracting(FileSearchResult.SyncedFile::path).containsExactly("a.tar.gz");
    }

    @Test
    void doubleStarGlobCrossesFolders() {
        FileSearchResult found = search.find(PathPattern.of("**/b.tar.?z"), null, FileSearch.DEFAULT_LIMIT);

        assertThat(found.events()).extracting(FileEvent::path).containsExactly("docs/b.tar.gz");
        assertThat(found.synced()).extracting(FileSearchResult.SyncedFile::path).containsExactly("docs/b.tar.gz");
    }

    @Test
    void leadingDoubleStarAlsoMatchesAtTheRoot() {
        FileSearchResult found = search.find(PathPattern.of("**/notes.txt"), null, FileSearch.DEFAULT_LIMIT);

        assertThat(found.events()).extracting(FileEvent::path).containsExactly("notes.txt");
    }

    @Test
    void aDeletedFileShowsItsDeletionAndIsNoLongerSynced() {
        FileSearchResult found = search.find(PathPattern.of("old.txt"), null, FileSearch.DEFAULT_LIMIT);

        assertThat(found.events()).extracting(FileEvent::runId, FileEvent::status).containsExactly(
                tuple(second, TransferStatus.DELETED),
                tuple(first, TransferStatus.DONE));
        assertThat(found.synced()).isEmpty();
    }

    @Test
    void saysWhenTheMatchesWereCutAtTheLimit() {
        FileSearchResult found = search.find(PathPattern.of(".t"), null, 2);

        assertThat(found.events()).hasSize(2);
        assertThat(found.eventsTruncated()).isTrue();
        assertThat(found.synced()).hasSize(2);
        assertThat(found.syncedTruncated()).isTrue();
    }

    @Test
    void aJobFilterLeavesOtherJobsOut() {
        assertThat(search.find(PathPattern.of("a.tar"), "mirror", 10).events()).hasSize(2);
        FileSearchResult other = search.find(PathPattern.of("a.tar"), "other", 10);
        assertThat(other.events()).isEmpty();
        assertThat(other.synced()).isEmpty();
    }

    @Test
    void likeWildcardsInTheTextAreLiteral() {
        assertThat(search.find(PathPattern.of("a_tar"), null, 10).events()).isEmpty();
        assertThat(search.find(PathPattern.of("%"), null, 10).events()).isEmpty();
    }

    @Test
    void rejectsAnEmptyPathAndABrokenGlob() {
        assertThatThrownBy(() -> PathPattern.of("")).hasMessage("empty path");
        assertThatThrownBy(() -> PathPattern.of("*.{gz")).hasMessageContaining("'{' without '}'");
    }
}
