package org.filesync.testing;

import java.nio.file.Path;

/** The real servers transport tests run against; a parameterized test takes one of these and starts it. */
public enum FtpServers {
    APACHE_FTPSERVER {
        @Override
        public FtpServerFixture start(Path dir) {
            return ApacheFtpServer.start(dir.resolve("apache-root"));
        }
    },
    PYFTPDLIB {
        @Override
        public FtpServerFixture start(Path dir) {
            return PyFtpdServer.start(dir.resolve("pyftpd-root"));
        }
    },
    VSFTPD {
        @Override
        public FtpServerFixture start(Path dir) {
            return VsftpdServer.start(dir.resolve("vsftpd"));
        }
    },
    PURE_FTPD {
        @Override
        public FtpServerFixture start(Path dir) {
            return PureFtpdServer.start(dir.resolve("pure-ftpd"));
        }
    },
    PROFTPD {
        @Override
        public FtpServerFixture start(Path dir) {
            return ProftpdServer.start(dir.resolve("proftpd"));
        }
    };

    /** Starts the server with its files under {@code dir}; skips the test when its binary is missing. */
    public abstract FtpServerFixture start(Path dir);
}
