package vn.sohoa.app.config;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.Clock;
import com.github.kagkarlsson.scheduler.SystemClock;

/**
 * What db-scheduler's table says of a task's queue (shared by every node): jobs waiting and how long the oldest due
 * one has waited. Times in that table are on db-scheduler's own clock, so they are compared with it.
 */
@Component
public class JobQueues {

    private final JdbcClient jdbc;
    private final Clock schedulerClock;

    @Autowired
    JobQueues(JdbcClient jdbc, ObjectProvider<Clock> schedulerClock) {
        // command-line tools run without the scheduler, and then without its clock bean
        this(jdbc, schedulerClock.getIfAvailable(SystemClock::new));
    }

    public JobQueues(JdbcClient jdbc, Clock schedulerClock) {
        this.jdbc = jdbc;
        this.schedulerClock = schedulerClock;
    }

    /** Jobs of {@code task} not taken by a node (due or later). */
    public long waiting(String task) {
        return jdbc.sql("select count(*) from scheduled_tasks where task_name = ? and picked = false").param(task)
                .query(Long.class).single();
    }

    /** How long the oldest due, untaken job of {@code task} has waited; zero when none waits. */
    public Duration oldestDueWait(String task) {
        OffsetDateTime now = schedulerClock.now().atOffset(ZoneOffset.UTC);
        return jdbc.sql("select execution_time from scheduled_tasks where task_name = ? and picked = false "
                        + "and execution_time <= ? order by execution_time limit 1").params(task, now)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .map(oldest -> Duration.between(oldest, now)).filter(wait -> !wait.isNegative())
                .orElse(Duration.ZERO);
    }
}
