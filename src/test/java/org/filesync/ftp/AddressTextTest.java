package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** RFC 5952's canonical text, which servers compare EPRT's address with. */
class AddressTextTest {

    @Test
    void writesIpv6LoopbackShortestForm() throws Exception {
        assertThat(AddressText.of(InetAddress.getByName("0:0:0:0:0:0:0:1"))).isEqualTo("::1");
    }

    @Test
    void compressesLongestZeroRunAndDropsLeadingZeros() throws Exception {
        assertThat(AddressText.of(InetAddress.getByName("2001:0DB8:0000:0000:0000:FF00:0042:8329")))
                .isEqualTo("2001:db8::ff00:42:8329");
    }

    @Test
    void compressesFirstOfEqualZeroRuns() throws Exception {
        assertThat(AddressText.of(InetAddress.getByName("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
    }

    @Test
    void leavesSingleZeroGroupUncompressed() throws Exception {
        assertThat(AddressText.of(InetAddress.getByName("2001:db8:0:1:1:1:1:1"))).isEqualTo("2001:db8:0:1:1:1:1:1");
    }

    @Test
    void dropsZoneId() throws Exception {
        assertThat(AddressText.of(InetAddress.getByName("fe80:0:0:0:0:0:0:1%1"))).isEqualTo("fe80::1");
    }

    @Test
    void writesIpv4AsDottedQuad() throws Exception {
        assertThat(AddressText.of(InetAddress.getByName("127.0.0.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void bracketsIpv6HostBeforePort() {
        assertThat(AddressText.hostAndPort("::1", 2121)).isEqualTo("[::1]:2121");
        assertThat(AddressText.hostAndPort("ftp.example.org", 21)).isEqualTo("ftp.example.org:21");
    }
}
