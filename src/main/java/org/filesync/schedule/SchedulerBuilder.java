package org.filesync.schedule;

import org.filesync.history.Database;
import org.filesync.history.NodeIdentity;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.DefaultThreadExecutor;
import org.quartz.impl.DirectSchedulerFactory;
import org.quartz.impl.jdbcjobstore.InvalidConfigurationException;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.spi.JobFactory;
import org.quartz.utils.DBConnectionManager;

/**
 * Builds the Quartz scheduler of one {@code serve} process: the JDBC job store in filesync's
 * database (tables from the Flyway migrations), clustered with every other node on that database,
 * this node's name as its instance id.
 */
final class SchedulerBuilder {

    /** Every node of a cluster shares this name: it is the SCHED_NAME of Quartz's rows. */
    static final String SCHEDULER_NAME = "filesync";
    /** A fire that cannot start within this long after its time is a misfire (the job's {@code misfire} key). */
    static final long MISFIRE_THRESHOLD_MILLIS = 10_000;
    /** Quartz declares a node dead about 7.5 s after a missed check-in: so a dead node is noticed within ~20 s. */
    static final long CHECKIN_INTERVAL_MILLIS = 5_000;
    private static final long IDLE_WAIT_MILLIS = 10_000;
    private static final long DB_RETRY_MILLIS = 5_000;

    private SchedulerBuilder() {
    }

    static Scheduler build(Database database, NodeIdentity node, JobFactory jobs) throws SchedulerException {
        Scheduler scheduler = buildIdle(database, node);
        scheduler.setJobFactory(jobs);
        return scheduler;
    }

    /** A scheduler to read and change the job store with, never to be started: it runs no job. */
    static Scheduler buildIdle(Database database, NodeIdentity node) throws SchedulerException {
        String dataSourceName = "filesync-" + node.name();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName,
                new DataSourceConnections(database.dataSource()));

        JobStoreTX store = new JobStoreTX();
        store.setDataSource(dataSourceName);
        store.setTablePrefix("QRTZ_");
        try {
            store.setDriverDelegateClass(database.settings().isPostgres()
                    ? PostgreSQLDelegate.class.getName() : StdJDBCDelegate.class.getName());
        } catch (InvalidConfigurationException e) {
            throw new SchedulerException("cannot use the Quartz JDBC delegate: " + e.getMessage(), e);
        }
        // Job data as strings, never serialized objects: it holds the job's name and file, nothing secret.
        store.setUseProperties("true");
        // Clustered on H2 too: row locks in QRTZ_LOCKS are what make a lone node's fires and
        // recoveries safe, and a node that dies is recovered the same way everywhere.
        store.setIsClustered(true);
        store.setClusterCheckinInterval(CHECKIN_INTERVAL_MILLIS);
        store.setAcquireTriggersWithinLock(true);
        store.setMisfireThreshold(MISFIRE_THRESHOLD_MILLIS);
        store.setDbRetryInterval(DB_RETRY_MILLIS);

        DirectSchedulerFactory factory = DirectSchedulerFactory.getInstance();
        factory.createScheduler(SCHEDULER_NAME, node.name(), new OnDemandThreadPool(),
                new DefaultThreadExecutor(), store, null, null, 0, IDLE_WAIT_MILLIS,
                DB_RETRY_MILLIS, false, null, 1, 0);
        return factory.getScheduler(SCHEDULER_NAME);
    }
}
