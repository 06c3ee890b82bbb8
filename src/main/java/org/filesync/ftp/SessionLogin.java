package org.filesync.ftp;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What happens between the greeting and the first real command: USER/PASS (RFC 959 §4.1.1),
 * PBSZ/PROT for TLS (RFC 4217 §9), FEAT (RFC 2389), UTF-8 (RFC 2640), SYST and TYPE I.
 */
final class SessionLogin {

    private SessionLogin() {
    }

    /** Logs in and returns what the server offers. */
    static ServerFeatures run(ControlChannel control, FtpSessionSettings settings) throws FtpException {
        String user = settings.server().username() == null ? "anonymous" : settings.server().username();
        Reply reply = control.send("USER", user);
        if (reply.code() == 331) {
            reply = control.send("PASS", settings.password() == null ? "" : settings.password());
        }
        if (reply.code() == 332) {
            throw new FtpReplyException("server requires an account (ACCT) for user " + user
                    + ", which filesync does not support", "USER " + user, reply.code(), reply.text(), null);
        }
        if (reply.code() == 530) {
            throw new FtpReplyException("login refused for user " + user, "USER/PASS", reply.code(), reply.text(), null);
        }
        if (!reply.isCompletion()) {
            throw new FtpReplyException("login failed for user " + user, "USER/PASS", reply.code(), reply.text(), null);
        }
        if (settings.server().tls() != null && settings.server().tls() != TlsMode.NONE) {
            control.complete("PBSZ", "0");
            control.complete("PROT", "P");
        }
        Set<String> features = features(control);
        if (new ServerFeatures(features, null).utf8()) {
            // The reply does not matter: servers that list UTF8 speak it whether or not they know OPTS UTF8.
            control.send("OPTS", "UTF8 ON");
        }
        Reply system = control.send("SYST", null);
        control.complete("TYPE", "I");
        return new ServerFeatures(features, system.code() == 215 ? system.text() : null);
    }

    private static Set<String> features(ControlChannel control) throws FtpException {
        Reply reply = control.send("FEAT", null);
        Set<String> lines = new LinkedHashSet<>();
        if (reply.code() != 211) {
            return lines;
        }
        String[] all = reply.lines();
        // The first and last lines are the reply's own ("Features:", "End").
        for (int i = 1; i < all.length - 1; i++) {
            String line = all[i].strip();
            if (!line.isEmpty()) {
                lines.add(line.toUpperCase(Locale.ROOT));
            }
        }
        return lines;
    }
}
