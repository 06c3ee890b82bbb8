package org.filesync.ftp;

/** How a session protects its control and data connections. */
public enum TlsMode {
    /** Plain FTP. */
    NONE,
    /** AUTH TLS on the control connection, then PBSZ 0 / PROT P (RFC 4217). */
    EXPLICIT,
    /** TLS from the first byte (ftps://, port 990 by default). */
    IMPLICIT
}
