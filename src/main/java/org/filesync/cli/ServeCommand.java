package org.filesync.cli;

import io.micrometer.core.instrument.Metrics;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.filesync.ftp.CommonsNetSessionFactory;
import org.filesync.ftp.FailureMessages;
import org.filesync.history.Database;
import org.filesync.history.HistoryHousekeeping;
import org.filesync.history.NodeIdentity;
import org.filesync.notify.DeadlineWatcher;
import org.filesync.notify.RunAlerts;
import org.filesync.schedule.SchedulerNode;
import org.filesync.settings.ServerSettings;
import org.filesync.settings.WebSettings;
import org.filesync.metrics.FilesyncMeters;
import org.filesync.web.WebApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "The scheduler: fires jobs on their schedules; dashboard.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    /** SIGTERM must end the process within 30 s: runs get most of it to reach a safe point. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(25);
    /** What is left of the 30 s for alerts of the last runs still in flight, when the runs took long to stop. */
    private static final Duration ALERT_PATIENCE = Duration.ofSeconds(3);
    /** Quartz's threads, the runs' journals and heartbeats, and the commands served through H2's AUTO_SERVER. */
    private static final int DATABASE_CONNECTIONS = 20;

    @ParentCommand
    FilesyncCommand root;

    @Option(names = "--port", description = "web port (default: the settings file's web.port, else 8080; 0: any free port)")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "address the web side listens on (default: the settings file's web.bind, else 127.0.0.1; "
                    + "0.0.0.0 for every interface, which needs users: in the settings file)")
    String bind;

    @Option(names = "--node", paramLabel = "NAME", description = "this instance's name (default: env FILESYNC_NODE, else host and pid)")
    String node;

    @Spec
    CommandSpec spec;

    /** The web side is a view: when its port is taken the scheduler serves on without it. */
    private WebApplication startWeb(InetSocketAddress address, Database database, SchedulerNode scheduler,
                                    ServerSettings settings) {
        try {
            WebApplication web = WebApplication.start(address, database, scheduler, settings.users());
            log.info("console and metrics on http://{}:{}/", address.getHostString(), web.port());
            return web;
        } catch (RuntimeException e) {
            log.warn("console and metrics not started on {}:{}: {}", address.getHostString(), address.getPort(),
                    FailureMessages.of(e));
            log.debug("web start failure", e);
            return null;
        }
    }

    /** Fail closed: a console that others can reach must have users to log in, so that no one acts anonymously. */
    private InetSocketAddress webAddress(ServerSettings settings) {
        InetSocketAddress address = new InetSocketAddress(settings.web().bind(bind), settings.web().port(port));
        if (!WebSettings.isLoopback(address) && settings.users().isEmpty()) {
            throw new ConfigurationException("serve: the console would listen on " + address.getHostString()
                    + ", beyond this host, with no users to log in: add users: to the settings file (filesync passwd"
                    + " prints a password hash) or bind to 127.0.0.1");
        }
        return address;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(root.options.jobsDirectory)) {
            throw new ConfigurationException(root.options.jobsDirectory + ": not a folder of job files");
        }
        ServerSettings settings = root.options.settings();
        InetSocketAddress webAddress = webAddress(settings);
        NodeIdentity identity = NodeIdentity.current(node);
        CountDownLatch terminate = new CountDownLatch(1);
        TerminationSignals.onTerminate(terminate::countDown);
        try (Database database = root.options.openDatabaseToServe(DATABASE_CONNECTIONS)) {
            FilesyncMeters meters = new FilesyncMeters(Metrics.globalRegistry);
            RunAlerts alerts = RunAlerts.start(database, settings, meters);
            HistoryHousekeeping housekeeping = HistoryHousekeeping.start(database, settings.retention());
            SchedulerNode scheduler = SchedulerNode.start(database, root.options.jobsDirectory, identity,
                    CommonsNetSessionFactory::new, alerts, meters);
            DeadlineWatcher deadlines = DeadlineWatcher.start(alerts, scheduler, identity.name());
            PrintWriter out = spec.commandLine().getOut();
            out.println("ready: " + scheduler.scheduledAtStart() + " jobs scheduled");
            out.flush();
            // the ready line, like the fires, does not wait the seconds the web application takes to start
            WebApplication web = startWeb(webAddress, database, scheduler, settings);
            terminate.await();
            if (web != null) {
                web.close();
            }
            log.info("node {} stopping: no more fires; running transfers stop at a safe point", identity.name());
            deadlines.close();
            boolean clean = scheduler.stop(STOP_GRACE);
            housekeeping.close();
            alerts.awaitDelivery(ALERT_PATIENCE);
            log.info("node {} stopped", identity.name());
            return clean ? ExitCode.OK : ExitCode.FAILED;
        }
    }
}
