package org.filesync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.filesync.testing.SettableClock;
import org.junit.jupiter.api.Test;

/** The failed-login throttle, on a clock the test moves: which attempts wait, and for how long. */
class LoginThrottleTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T21:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(int times, String user, String address) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    @Test
    void aFewMistypedPasswordsCostNothing() {
        fail(LoginThrottle.FREE_FAILURES, "ops", "192.0.2.1");

        assertThat(throttle.waitBefore("ops", "192.0.2.1")).isZero();
    }

    @Test
    void eachFailureBeyondThemDoublesTheWaitUpToTheCap() {
        fail(LoginThrottle.FREE_FAILURES + 1, "ops", "192.0.2.1");
        Duration first = throttle.waitBefore("ops", "192.0.2.1");
        throttle.failed("ops", "192.0.2.1");
        Duration second = throttle.waitBefore("ops", "192.0.2.1");
        fail(30, "ops", "192.0.2.1");

        assertThat(first).isEqualTo(LoginThrottle.FIRST_WAIT);
        assertThat(second).isEqualTo(LoginThrottle.FIRST_WAIT.multipliedBy(2));
        assertThat(throttle.waitBefore("ops", "192.0.2.1")).isEqualTo(LoginThrottle.LONGEST_WAIT);
    }

    @Test
    void theWaitRunsOutWithTime() {
        fail(LoginThrottle.FREE_FAILURES + 1, "ops", "192.0.2.1");

        clock.advance(LoginThrottle.FIRST_WAIT.minusSeconds(1));
        assertThat(throttle.waitBefore("ops", "192.0.2.1")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore("ops", "192.0.2.1")).isZero();
    }

    @Test
    void aUserNameIsHeldBackFromEveryAddressAndWhateverItsCase() {
        fail(LoginThrottle.FREE_FAILURES + 1, "ops", "192.0.2.1");

        assertThat(throttle.waitBefore("OPS", "198.51.100.7")).isPositive();
        assertThat(throttle.waitBefore("other", "198.51.100.7")).isZero();
    }

    @Test
    void anAddressTryingManyNamesIsHeldBackForEveryName() {
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("guess-" + i, "192.0.2.1");
        }

        assertThat(throttle.waitBefore("ops", "192.0.2.1")).isPositive();
        assertThat(throttle.waitBefore("ops", "198.51.100.7")).isZero();
    }

    @Test
    void aSuccessfulLoginClearsItsNameAndAddress() {
        fail(LoginThrottle.FREE_FAILURES + 1, "ops", "192.0.2.1");

        throttle.succeeded("ops", "192.0.2.1");

        assertThat(throttle.waitBefore("ops", "192.0.2.1")).isZero();
    }
}
