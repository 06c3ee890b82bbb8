package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checksum replies as servers send them, read or refused; no server needed. */
class ChecksumRepliesTest {

    private static final String SHA1 = "27b512da0543ed542f561142e421213aa7881f68";

    private static Reply reply(int code, String... lines) {
        return Reply.of(code, lines);
    }

    @Test
    void readsHashFromTheLastLineOfProftpdsTwoLineReply() throws Exception {
        Checksum checksum = ChecksumReplies.hash("/sum.bin", reply(213, "213-Computing SHA-1 digest",
                "213 SHA-1 0-100000 " + SHA1.toUpperCase() + " sum.bin"));

        assertThat(checksum).isEqualTo(new Checksum(ChecksumAlgorithm.SHA_1, SHA1));
    }

    @Test
    void readsSingleLineHashWithSpacesInTheFileName() throws Exception {
        String sha256 = "a38ba795e82c31db84fa061f4212309ab93cc46ff22702ed1675326e4d5e8937";

        Checksum checksum = ChecksumReplies.hash("/a b.bin", reply(213, "213 SHA-256 0-9 " + sha256 + " a b.bin"));

        assertThat(checksum).isEqualTo(new Checksum(ChecksumAlgorithm.SHA_256, sha256));
    }

    @ParameterizedTest(name = "{0} answered {1}")
    @CsvSource(delimiter = '|', value = {
            // ProFTPD: a comment line first, the value alone on the last line
            "XSHA1 | 250 | 250-Computing SHA1 digest | 250 27B512DA0543ED542F561142E421213AA7881F68 | SHA_1 | 27b512da0543ed542f561142e421213aa7881f68",
            "XCRC  | 250 | 250-Computing CRC32 digest | 250 4A9A6EE8                                | CRC32 | 4a9a6ee8",
            // one line, 213 as some servers say
            "XMD5  | 213 | 213 01F35AAFFE1CBFA0536F3A0F9A90728E | 213 01F35AAFFE1CBFA0536F3A0F9A90728E | MD5 | 01f35aaffe1cbfa0536f3a0f9a90728e",
            // MD5 (draft-twine-ftpmd5, Apache FtpServer): the path first, which may hold spaces
            "MD5   | 251 | 251 /pub/a b.txt 01F35AAFFE1CBFA0536F3A0F9A90728E | 251 /pub/a b.txt 01F35AAFFE1CBFA0536F3A0F9A90728E | MD5 | 01f35aaffe1cbfa0536f3a0f9a90728e"})
    void readsTheValueOfOneAlgorithmCommands(String command, int code, String first, String last,
                                             ChecksumAlgorithm algorithm, String hex) throws Exception {
        Reply reply = first.equals(last) ? reply(code, last) : reply(code, first, last);

        assertThat(ChecksumReplies.digest(command, algorithm, "/f", reply)).isEqualTo(new Checksum(algorithm, hex));
    }

    @ParameterizedTest(name = "HASH answered {0}")
    @CsvSource(delimiter = '|', value = {
            // the comment line alone, which filesync once took for an algorithm named "Computing"
            "213 Computing SHA-1 digest                                  | no \"ALGORITHM START-END VALUE\"",
            "213 TIGER 0-10 0123456789abcdef0123456789abcdef0123456789abcdef f | TIGER, which filesync cannot compute",
            "213 SHA-1 100-200 27b512da0543ed542f561142e421213aa7881f68 f | not the whole file",
            "213 SHA-256 0-10 27b512da0543ed542f561142e421213aa7881f68 f  | is no SHA-256 value"})
    void refusesHashRepliesThatCannotBeCompared(String line, String why) {
        FtpReplyException e = catchThrowableOfType(() -> ChecksumReplies.hash("/f", reply(213, line)),
                FtpReplyException.class);

        assertThat(e.getMessage()).startsWith("cannot compare the server's checksum").contains(why).contains("HASH /f");
        assertThat(e.isTransient()).isFalse();
    }

    @ParameterizedTest(name = "{0} answered {1}")
    @CsvSource(delimiter = '|', value = {
            "XMD5 | 250 27b512da0543ed542f561142e421213aa7881f68 | is no MD5 value",
            "XCRC | 250 Computing CRC32 digest                    | is no CRC32 value",
            "XSHA | 250                                           | holds no value"})
    void refusesOneAlgorithmRepliesWithoutAValueOfTheRightLength(String command, String line, String why) {
        ChecksumAlgorithm algorithm = switch (command) {
            case "XMD5" -> ChecksumAlgorithm.MD5;
            case "XCRC" -> ChecksumAlgorithm.CRC32;
            default -> ChecksumAlgorithm.SHA_1;
        };

        FtpReplyException e = catchThrowableOfType(() -> ChecksumReplies.digest(command, algorithm, "/f",
                reply(250, line)), FtpReplyException.class);

        assertThat(e.getMessage()).startsWith("cannot compare the server's checksum").contains(why);
        assertThat(e.isTransient()).isFalse();
    }
}
