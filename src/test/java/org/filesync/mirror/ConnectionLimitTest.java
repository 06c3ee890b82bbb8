package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The learned connection limit, on a clock the test moves. */
class ConnectionLimitTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final ConnectionLimit limit = new ConnectionLimit(Duration.ofSeconds(30), now::get);

    @Test
    void allowsAnyNumberUntilTheServerRefuses() {
        assertThat(limit.mayOpen(50)).isTrue();
        assertThat(limit.lowest()).isEmpty();
    }

    @Test
    void refusalLowersTheLimitToTheSessionsHeld() {
        limit.refused(2);

        assertThat(limit.mayOpen(1)).isTrue();
        assertThat(limit.mayOpen(2)).isFalse();
        assertThat(limit.lowest()).hasValue(2);
    }

    @Test
    void triesOneMoreSessionOncePerProbeInterval() {
        limit.refused(2);
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(limit.mayOpen(2)).isFalse();

        now.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(limit.mayOpen(2)).isTrue();
        assertThat(limit.mayOpen(2)).isFalse();
    }

    @Test
    void acceptedProbeRaisesTheLimitAndKeepsTheLowestForHistory() {
        limit.refused(2);
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(limit.mayOpen(2)).isTrue();

        limit.opened(3);

        assertThat(limit.mayOpen(2)).isTrue();
        assertThat(limit.mayOpen(3)).isFalse();
        assertThat(limit.lowest()).hasValue(2);
    }
}
