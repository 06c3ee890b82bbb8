package org.filesync.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * filesync's logging, set up in code: parsing a logback.xml cost every command about 0.1 s of
 * start-up. Diagnostics go to stderr, so that stdout holds only what a command prints (one JSON
 * document in JSON mode). {@code FILESYNC_LOG_LEVEL} sets filesync's own level (default INFO).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LoggingConfigurator extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{20} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("org.filesync").setLevel(Level.toLevel(System.getenv("FILESYNC_LOG_LEVEL"), Level.INFO));
        // the demo's embedded server warns once per passive data connection about a port it releases
        context.getLogger("org.apache.ftpserver").setLevel(Level.ERROR);
        context.getLogger("org.apache.mina").setLevel(Level.ERROR);
        // the pool warns, stack trace and all, of a connection broken while an H2 file changes hands
        // between processes: filesync opens it again, and says so in its own words when it cannot
        context.getLogger("com.zaxxer.hikari").setLevel(Level.ERROR);
        // serve's web side says in one line why it did not start (its port taken): Spring Boot's own
        // report of it is a banner of many lines, and a warning more
        context.getLogger("org.springframework.boot.diagnostics").setLevel(Level.OFF);
        context.getLogger("org.springframework.boot.web.servlet.context").setLevel(Level.OFF);
        // a request the read-only dashboard refuses (405) is the client's affair, not the operator's
        context.getLogger("org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
