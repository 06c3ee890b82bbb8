package org.filesync.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValueParsingTest {

    @Test
    void sizesUseBinaryMultiples() {
        assertThat(ByteSize.parse("0")).isZero();
        assertThat(ByteSize.parse("65536")).isEqualTo(65536);
        assertThat(ByteSize.parse("512KB")).isEqualTo(512L << 10);
        assertThat(ByteSize.parse("4MB")).isEqualTo(4L << 20);
        assertThat(ByteSize.parse("4 MiB")).isEqualTo(4L << 20);
        assertThat(ByteSize.parse("1g")).isEqualTo(1L << 30);
        assertThatThrownBy(() -> ByteSize.parse("fast")).hasMessageContaining("not a size");
        assertThatThrownBy(() -> ByteSize.parse("-1MB")).hasMessageContaining("not a size");
        assertThatThrownBy(() -> ByteSize.parse("99999999999T")).hasMessageContaining("too large");
    }

    @Test
    void durationsTakeUnitsOrPlainSeconds() {
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationText.parse("10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationText.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationText.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> DurationText.parse("soon")).hasMessageContaining("not a duration");
    }

    @Test
    void urlsFollowRfc1738() {
        FtpUrl url = FtpUrl.parse("ftp://mirror@[::1]:2121/pub/a%20b/");

        assertThat(url.scheme()).isEqualTo("ftp");
        assertThat(url.user()).isEqualTo("mirror");
        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.port()).isEqualTo(2121);
        assertThat(url.path()).isEqualTo("pub/a b");
        assertThat(FtpUrl.parse("FTPS://host").path()).isEmpty();
        assertThat(FtpUrl.parse("ftp://host/%2Fabs").path()).isEqualTo("/abs");
    }

    @Test
    void urlThatDecodesToLineBreakIsRefused() {
        assertThatThrownBy(() -> FtpUrl.parse("ftp://host/a%0D%0ADELE%20x")).hasMessageContaining("CR, LF or NUL");
    }
}
