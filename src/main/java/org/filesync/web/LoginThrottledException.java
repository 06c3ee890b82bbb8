package org.filesync.web;

import org.springframework.security.core.AuthenticationException;

/** A login refused without a look at its password: too many failures of its user name or address of late. */
final class LoginThrottledException extends AuthenticationException {

    LoginThrottledException(String message) {
        super(message);
    }
}
