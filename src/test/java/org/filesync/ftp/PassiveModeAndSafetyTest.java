package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.filesync.testing.ReplyScriptServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PassiveModeAndSafetyTest {

    @AutoClose
    private final ReplyScriptServer server = ReplyScriptServer.start();

    private List<String> sent(String verb) {
        return server.commands().stream().filter(c -> c.startsWith(verb)).toList();
    }

    @ParameterizedTest(name = "EPSV answered {0}")
    @ValueSource(strings = {"500 unknown command", "501 not for IPv4", "502 not implemented", "550 denied"})
    void fallsBackToPasvOnceWhenEpsvIsRefusedAndRemembersIt(String refusal) throws Exception {
        server.reply("EPSV", refusal).data("-rw-r--r-- 1 ftp ftp 3 Jan 01 2020 a.txt\r\n");
        try (FtpSession session = server.openSession()) {
            session.list("/");
            List<RemoteEntry> second = session.list("/");

            assertThat(second).extracting(RemoteEntry::name).containsExactly("a.txt");
            assertThat(sent("EPSV")).hasSize(1);
            assertThat(sent("PASV")).hasSize(2);
        }
    }

    @Test
    void connectsDataToControlHostWhatever227Names() throws Exception {
        // Never reachable here (loopback only): the listing can only arrive from 127.0.0.1.
        server.reply("EPSV", "502 no").pasvAddress("10,1,2,3").data("-rw-r--r-- 1 ftp ftp 3 Jan 01 2020 a.txt\r\n");
        try (FtpSession session = server.openSession()) {
            assertThat(session.list("/")).extracting(RemoteEntry::name).containsExactly("a.txt");
        }
    }

    @Test
    void reportsUnsafeNamesFromListWithReasonsInsteadOfDroppingThem() throws Exception {
        server.data(String.join("\r\n",
                "total 5",
                "drwxr-xr-x 2 ftp ftp 4096 Jan 01 2020 .",
                "drwxr-xr-x 2 ftp ftp 4096 Jan 01 2020 ..",
                "-rw-r--r-- 1 ftp ftp 3 Jan 01 2020 ../x",
                "-rw-r--r-- 1 ftp ftp 3 Jan 01 2020 a/../../b",
                "-rw-r--r-- 1 ftp ftp 3 Jan 01 2020 back\\slash",
                "-rw-r--r-- 1 ftp ftp 3 Jan 01 2020 line\nbreak",
                "-rw-r--r-- 1 ftp ftp 3 Jan 01 2020 carriage\rreturn",
                "-rw-r--r-- 1 ftp ftp 3 Jan 01 2020 fine.txt", ""));
        try (FtpSession session = server.openSession()) {
            List<RemoteEntry> entries = session.list("/pub");

            assertThat(entries).extracting(RemoteEntry::name)
                    .containsExactly("../x", "a/../../b", "back\\slash", "line\nbreak", "carriage\rreturn", "fine.txt");
            assertThat(entries.subList(0, 5)).allSatisfy(e -> assertThat(e.rejection()).isNotBlank());
            assertThat(entries.get(3).rejection()).contains("LF");
            assertThat(entries.get(4).rejection()).contains("CR");
            assertThat(entries.get(5).isRejected()).isFalse();
            assertThat(entries.get(5).path()).isEqualTo("/pub/fine.txt");
        }
    }

    @Test
    void reportsUnsafeNamesAndImpossibleSizesFromMlsd() throws Exception {
        server.features("MLST type*;size*;modify*;", "SIZE").data(String.join("\r\n",
                "type=cdir;modify=20240101000000; /pub",
                "type=pdir;modify=20240101000000; /",
                "type=file;size=3;modify=20240101000000; ../x",
                "type=file;size=3;modify=20240101000000; a/../../b",
                "type=file;size=3;modify=20240101000000; new\nline",
                "type=file;size=-5;modify=20240101000000; negative",
                "type=file;size=99999999999999999999;modify=20240101000000; huge",
                "type=file;size=3;modify=20240102030405.250; fine.txt", ""));
        try (FtpSession session = server.openSession()) {
            List<RemoteEntry> entries = session.list("/pub");

            assertThat(entries).extracting(RemoteEntry::name)
                    .containsExactly("../x", "a/../../b", "new\nline", "negative", "huge", "fine.txt");
            assertThat(entries.subList(0, 5)).allSatisfy(e -> assertThat(e.rejection()).isNotBlank());
            assertThat(entries.get(3).rejection()).contains("negative size");
            RemoteEntry fine = entries.get(5);
            assertThat(fine.isRejected()).isFalse();
            assertThat(fine.precision()).isEqualTo(TimePrecision.EXACT);
            assertThat(fine.modified()).isEqualTo(java.time.Instant.parse("2024-01-02T03:04:05.250Z"));
            assertThat(sent("MLSD")).hasSize(1);
        }
    }

    @Test
    void refusesToSendCommandWithLineBreakInArgumentAndStaysUsable() throws Exception {
        try (FtpSession session = server.openSession()) {
            UnsafePathException e = catchThrowableOfType(() -> session.delete("a\r\nDELE important"),
                    UnsafePathException.class);

            assertThat(e.isTransient()).isFalse();
            assertThat(e.connectionLost()).isFalse();
            assertThat(server.commands()).noneMatch(c -> c.contains("important"));
            assertThat(session.isAlive()).isTrue();
        }
    }

    @Test
    void refusesNulInPathBeforeSending() throws Exception {
        try (FtpSession session = server.openSession()) {
            assertThatThrownBy(() -> session.size("a\0b")).isInstanceOf(UnsafePathException.class);
            assertThat(sent("SIZE")).isEmpty();
        }
    }

    @Test
    void fallsBackToStreamModeWhenServerRefusesBlockMode() throws Exception {
        server.reply("MODE", "504 MODE B not supported");
        FtpSessionSettings block = withBlockMode(server.settings());
        try (FtpSession session = new CommonsNetSessionFactory(block).open()) {
            assertThat(session.isAlive()).isTrue();
            assertThat(server.commands()).contains("MODE B");
        }
    }

    private static FtpSessionSettings withBlockMode(FtpSessionSettings s) {
        return new FtpSessionSettings(s.server().toBuilder().transferMode(TransferMode.BLOCK).markerInterval(4 * 1024 * 1024)
                .build(), s.password(), s.throttle());
    }
}
