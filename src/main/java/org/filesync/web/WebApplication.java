package org.filesync.web;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.filesync.history.Database;
import org.filesync.schedule.SchedulerNode;
import org.filesync.settings.ConsoleUser;
import org.filesync.settings.WebSettings;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.jdbc.DataSourceHealthContributorAutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.batch.BatchAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code serve}'s web side, a Spring Boot web application on one port: the console's pages and JSON API
 * behind its login ({@link ConsoleSecurity}), {@code /actuator/health} (the database and the scheduler) and
 * {@code /actuator/prometheus}.
 * Only {@code serve} starts it; the other commands never load a Spring context. The database,
 * its migrations, Spring Batch and Quartz belong to the command that opened them, so Spring Boot
 * is given them rather than asked to build them.
 */
public final class WebApplication implements AutoCloseable {

    /** A console left open logs itself out. */
    private static final String SESSION_TIMEOUT = "30m";

    private final ConfigurableApplicationContext context;

    private WebApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * @param users who may log in; reads need one of them unless {@code address} is a loopback one
     * @throws RuntimeException when the web server cannot start, its port taken for one
     */
    public static WebApplication start(InetSocketAddress address, Database database, SchedulerNode scheduler,
                                       List<ConsoleUser> users) {
        // filesync configures logback in code (cli.LoggingConfigurator); Spring Boot must not redo it
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        // Tomcat logs through java.util.logging: into filesync's log and its levels
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        Map<String, Object> settings = Map.of(
                "server.address", address.getHostString(),
                "server.port", address.getPort(),
                "management.endpoints.web.exposure.include", "health,prometheus",
                "management.endpoint.health.show-details", "always",
                "server.servlet.session.timeout", SESSION_TIMEOUT);
        try {
            ConsoleSecurity security = new ConsoleSecurity(users, WebSettings.isLoopback(address));
            return new WebApplication(run(settings, database, scheduler, security));
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof PortInUseException portInUse) {
                    throw new IllegalStateException(portInUse.getMessage(), e);
                }
            }
            throw e;
        }
    }

    private static ConfigurableApplicationContext run(Map<String, Object> settings, Database database,
                                                      SchedulerNode scheduler, ConsoleSecurity security) {
        return new SpringApplicationBuilder(AutoConfigured.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .initializers(created -> {
                    // first, so that no environment variable or stray application.properties moves the port
                    created.getEnvironment().getPropertySources().addFirst(new MapPropertySource("serve", settings));
                    // for the pool's meters (hikaricp_*, jdbc_connections_*); as a singleton, which Spring
                    // does not close: the database belongs to serve
                    created.getBeanFactory().registerSingleton("dataSource", database.dataSource());
                    GenericApplicationContext beans = (GenericApplicationContext) created;
                    beans.registerBean(ConsoleSecurity.class, () -> security);
                    beans.registerBean(LoginController.class, LoginController::new);
                    ConsoleJobs jobs = new ConsoleJobs(scheduler);
                    beans.registerBean(DashboardController.class, () -> new DashboardController(database, jobs));
                    beans.registerBean(ConsolePages.class, () -> new ConsolePages(database, jobs));
                    beans.registerBean(ConsoleActions.class, () -> new ConsoleActions(scheduler.control()));
                    beans.registerBean(ApiFailures.class, ApiFailures::new);
                    beans.registerBean(ProgressAndFilesController.class,
                            () -> new ProgressAndFilesController(database, scheduler));
                    beans.registerBean("db", DatabaseHealth.class, () -> new DatabaseHealth(database.dataSource()));
                    beans.registerBean("scheduler", SchedulerHealth.class, () -> new SchedulerHealth(scheduler));
                })
                .run();
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration(exclude = {FlywayAutoConfiguration.class, BatchAutoConfiguration.class,
            QuartzAutoConfiguration.class, SqlInitializationAutoConfiguration.class,
            DataSourceHealthContributorAutoConfiguration.class})
    static class AutoConfigured {
    }
}
