package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Logging is set up in code: diagnostics on stderr, filesync at INFO, the libraries at WARN. */
class LoggingConfiguratorTest {

    @Test
    void logbackFindsTheConfiguratorAndSendsDiagnosticsToStderr() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.filesync").getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.apache.mina").getLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("com.zaxxer.hikari.pool.ProxyConnection").getEffectiveLevel()).isEqualTo(Level.ERROR);
        ConsoleAppender<ILoggingEvent> appender = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDERR");
        assertThat(appender.getTarget()).isEqualTo("System.err");
    }
}
