package vn.sohoa.app.config;

import java.time.Duration;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;

/**
 * How a durable job whose data is an id fails: again after doubling delays ({@code firstRetryDelay},
 * {@code maxRetryDelay}), and after {@code maxAttempts} it stops and {@code giveUp} records why for the id.
 */
public record BackoffThenGiveUp(SohoaProperties.Jobs jobs, String what, BiConsumer<String, String> giveUp)
        implements FailureHandler<String> {

    private static final Logger LOG = LoggerFactory.getLogger(BackoffThenGiveUp.class);

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<String> operations) {
        if (complete.getCause().orElse(null) instanceof ShutdownWatch.ReleasedAtShutdownException released) {
            // not a failure: the job is given back whole, due now, for a node that is not stopping
            LOG.info("{} {} released: {}", what, complete.getExecution().taskInstance.getId(), released.getMessage());
            operations.removeAndScheduleNew(SchedulableInstance.of(complete.getExecution().taskInstance,
                    complete.getTimeDone()));
            return;
        }
        int failures = complete.getExecution().consecutiveFailures + 1;
        String id = (String) complete.getExecution().taskInstance.getData();
        String cause = complete.getCause().map(Throwable::getMessage).orElse("unknown error");
        if (failures >= jobs.maxAttempts()) {
            LOG.error("giving up on {} {} after {} attempts: {}", what, id, failures, cause);
            giveUp.accept(id, "gave up after " + failures + " attempts: " + cause);
            operations.stop();
            return;
        }
        Duration delay = jobs.firstRetryDelay().multipliedBy(1L << Math.min(failures - 1, 16));
        if (delay.compareTo(jobs.maxRetryDelay()) > 0) {
            delay = jobs.maxRetryDelay();
        }
        LOG.warn("{} {} attempt {} failed ({}); retrying in {}", what, id, failures, cause, delay);
        // on db-scheduler's clock, like every time in its table
        operations.reschedule(complete, complete.getTimeDone().plus(delay));
    }
}
