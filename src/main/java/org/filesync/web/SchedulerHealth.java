package org.filesync.web;

import org.filesync.schedule.SchedulerNode;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code scheduler} part of {@code /actuator/health}: UP while this node's Quartz scheduler takes fires. */
final class SchedulerHealth implements HealthIndicator {

    private final SchedulerNode scheduler;

    SchedulerHealth(SchedulerNode scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Health health() {
        return scheduler.isFiring() ? Health.up().build() : Health.down().build();
    }
}
