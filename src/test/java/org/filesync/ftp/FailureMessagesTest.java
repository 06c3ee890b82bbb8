package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailureMessagesTest {

    @Test
    void aFailureWithoutAMessageIsNamedByItsClass() {
        assertThat(FailureMessages.of(new NullPointerException())).isEqualTo("NullPointerException");
    }

    @Test
    void theRootCauseIsAddedWhereTheWrapperDidNotSayIt() {
        Exception wrapped = new IllegalStateException("cannot open the database",
                new RuntimeException("pool failed", new SocketException("Connection refused")));

        assertThat(FailureMessages.withRootCause(wrapped)).isEqualTo("cannot open the database: Connection refused");
    }

    @Test
    void theRootCauseIsNotRepeatedWhereTheWrapperSaidIt() {
        Exception wrapped = new IllegalStateException("listing failed: Connection refused",
                new SocketException("Connection refused"));

        assertThat(FailureMessages.withRootCause(wrapped)).isEqualTo("listing failed: Connection refused");
    }

    @Test
    void theRootCauseAloneSpeaksForItsWrappers() {
        Exception wrapped = new RuntimeException(new SQLException("wrapper", new IOException("disk full")));

        assertThat(FailureMessages.ofRootCause(wrapped)).isEqualTo("disk full");
    }
}
