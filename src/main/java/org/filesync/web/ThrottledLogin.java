package org.filesync.web;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The console's password check behind the {@link LoginThrottle}: each failed login is logged
 * (user name and remote address, never the password) and counted; a login the throttle holds
 * back is refused before any password is compared.
 */
final class ThrottledLogin implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledLogin.class);

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledLogin(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String user = printable(attempt.getName());
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        Duration wait = throttle.waitBefore(user, address);
        if (!wait.isZero()) {
            log.warn("console login of user '{}' from {} refused: too many failed logins, next try in {} s",
                    user, address, seconds(wait));
            throw new LoginThrottledException("too many failed logins; try again in " + seconds(wait) + " s");
        }
        try {
            Authentication authenticated = passwords.authenticate(attempt);
            throttle.succeeded(user, address);
            return authenticated;
        } catch (BadCredentialsException e) {
            throttle.failed(user, address);
            log.warn("console login of user '{}' from {} failed: wrong user name or password", user, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** A user name is typed by anyone: no line breaks or other control characters into the log. */
    private static String printable(String name) {
        return name == null ? "" : name.replaceAll("\\p{Cntrl}", "?");
    }
}
