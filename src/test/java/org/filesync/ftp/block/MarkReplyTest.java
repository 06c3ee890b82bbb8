package org.filesync.ftp.block;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MarkReplyTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "110 MARK 4194304 = W400000",
            "110 MARK 4194304 = W400000\r\n",
            "110 mark 4194304 = W400000",
            "110  MARK   4194304  =  W400000",
            "110 MARK 4194304=W400000",
            "110-MARK 4194304 = W400000",
            "MARK 4194304 = W400000",
            "110 MARK 4194304 = W400000 restart marker noted",
    })
    void parsesTheMarkerPairDespiteSpacingAndCase(String reply) {
        assertThat(MarkReply.parse(reply)).contains(new MarkReply("4194304", "W400000"));
    }

    @Test
    void splitsAtTheSpacedEqualsSignWhenAMarkerContainsOne() {
        assertThat(MarkReply.parse("110 MARK 100 = rec=7")).contains(new MarkReply("100", "rec=7"));
    }

    @Test
    void keepsAServerMarkerExactlyAsSentBecauseItIsOpaque() {
        assertThat(MarkReply.parse("110 MARK 100 = 0x64.")).contains(new MarkReply("100", "0x64."));
    }

    @Test
    void findsNothingInOtherReplies() {
        assertThat(MarkReply.parse("226 Transfer complete")).isEmpty();
        assertThat(MarkReply.parse("110 Restart marker")).isEmpty();
        assertThat(MarkReply.parse(null)).isEmpty();
    }
}
