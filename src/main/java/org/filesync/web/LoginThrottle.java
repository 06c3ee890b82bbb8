package org.filesync.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Slows down password guessing: after a few failed logins of one user name, or from one address,
 * the next attempt is refused until a wait has passed that doubles with each further failure, up
 * to a cap. A successful login clears both. Refused attempts are not counted: they check no password.
 */
final class LoginThrottle {

    /** Failures that cost nothing: a person mistyping. */
    static final int FREE_FAILURES = 3;
    static final Duration FIRST_WAIT = Duration.ofSeconds(5);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    /** Names are chosen by whoever tries: forget expired entries before they fill the memory. */
    private static final int TRACKED_KEYS = 10_000;

    private record Failures(int count, Instant last) {
        Instant waitUntil() {
            if (count <= FREE_FAILURES) {
                return last;
            }
            int doublings = Math.min(count - FREE_FAILURES - 1, 20);
            Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
            return last.plus(wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT);
        }
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long an attempt of this user from this address must still wait; zero when it may try now. */
    Duration waitBefore(String user, String address) {
        Instant now = clock.instant();
        return keys(user, address).map(failures::get).filter(f -> f != null && f.waitUntil().isAfter(now))
                .map(f -> Duration.between(now, f.waitUntil())).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    void failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() > TRACKED_KEYS) {
            failures.values().removeIf(f -> f.last().plus(LONGEST_WAIT).isBefore(now));
        }
        keys(user, address).forEach(key -> failures.merge(key, new Failures(1, now),
                (earlier, next) -> new Failures(earlier.count() + 1, now)));
    }

    void succeeded(String user, String address) {
        keys(user, address).forEach(failures::remove);
    }

    private static Stream<String> keys(String user, String address) {
        // the login ignores the case of a name (as the users' store does)
        return Stream.of("user " + user.toLowerCase(Locale.ROOT), "address " + address);
    }
}
