package org.filesync.settings;

/** {@code mail.starttls}: whether the SMTP session is upgraded to TLS with STARTTLS. */
public enum StartTls {
    /** When the server offers it. */
    TRUE,
    /** Never: plain SMTP. */
    FALSE,
    /** Always: a server that does not offer it gets no mail. */
    REQUIRED
}
