package org.filesync.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.filesync.ftp.CommonsNetSessionFactory;
import org.filesync.history.NodeIdentity;
import org.filesync.jobs.Secret;
import org.filesync.metrics.FilesyncMeters;
import org.filesync.notify.RunAlerts;
import org.filesync.schedule.SchedulerNode;
import org.filesync.settings.ConsoleRole;
import org.filesync.settings.ConsoleUser;
import org.filesync.settings.ServerSettings;
import org.filesync.web.WebApplication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code serve}'s web side over an empty history, with console users, as {@code serve} starts it:
 * for tests of who may see and do what.
 */
public final class ConsoleServer implements AutoCloseable {

    private final MirrorHarness harness;
    private final SchedulerNode scheduler;
    private final WebApplication web;

    private ConsoleServer(MirrorHarness harness, SchedulerNode scheduler, WebApplication web) {
        this.harness = harness;
        this.scheduler = scheduler;
        this.web = web;
    }

    /** @param bind as {@code serve --bind} says it: a loopback address or one beyond */
    public static ConsoleServer start(Path dir, String bind, List<ConsoleUser> users) throws Exception {
        return start(new MirrorHarness(dir), Files.createDirectories(dir.resolve("console-jobs")), bind, users);
    }

    /**
     * The console over the history {@code harness} has recorded and the job files in {@code jobs};
     * the console closes the harness when it closes.
     */
    public static ConsoleServer start(MirrorHarness harness, Path jobs, String bind, List<ConsoleUser> users)
            throws Exception {
        FilesyncMeters meters = new FilesyncMeters(new SimpleMeterRegistry());
        SchedulerNode scheduler = SchedulerNode.start(harness.database(), jobs, NodeIdentity.current("console-test"),
                CommonsNetSessionFactory::new, RunAlerts.start(harness.database(), ServerSettings.NONE, meters), meters);
        WebApplication web = WebApplication.start(new InetSocketAddress(bind, 0), harness.database(), scheduler, users);
        return new ConsoleServer(harness, scheduler, web);
    }

    /** A user with a bcrypt hash of the lowest cost, so that tests do not wait on the hashing. */
    public static ConsoleUser user(String name, String password, ConsoleRole role) {
        return new ConsoleUser(name, new Secret(new BCryptPasswordEncoder(4).encode(password)), role);
    }

    /** The address of {@code path} on this console, over loopback. */
    public String url(String path) {
        return "http://127.0.0.1:" + web.port() + path;
    }

    /** The scheduler whose read model the console shows. */
    public SchedulerNode scheduler() {
        return scheduler;
    }

    /** A new browser, without cookies, talking to this console over loopback. */
    public ConsoleClient client() {
        return new ConsoleClient(web.port());
    }

    @Override
    public void close() throws InterruptedException {
        web.close();
        scheduler.stop(Duration.ofSeconds(5));
        harness.close();
    }
}
