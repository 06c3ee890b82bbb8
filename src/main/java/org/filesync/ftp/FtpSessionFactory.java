package org.filesync.ftp;

/** Opens logged-in sessions to one server; the mirror's workers each hold one for their whole life. */
@FunctionalInterface
public interface FtpSessionFactory {

    FtpSession open() throws FtpException;
}
