package vn.sohoa.app.document;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import vn.sohoa.app.config.SohoaProperties;

/**
 * The durable job that digitizes a document. Its row in {@code scheduled_tasks} survives restarts and is taken by
 * exactly one node. Transient failures (the object store away, a crash) retry with exponential backoff; after the
 * last try the document is marked FAILED with the reason.
 */
@Configuration(proxyBeanMethods = false)
class DigitizeTasks {

    static final TaskDescriptor<String> DIGITIZE = TaskDescriptor.of("digitize-document", String.class);
    private static final Logger LOG = LoggerFactory.getLogger(DigitizeTasks.class);
    @Bean
    OneTimeTask<String> digitizeDocumentTask(DigitizeDocument digitizeDocument, DocumentRepository documents,
                                             SohoaProperties properties) {
        return Tasks.oneTime(DIGITIZE)
                .onFailure(new BackoffThenFail(documents, properties.jobs()))
                .execute((instance, context) -> digitizeDocument.run(instance.getData()));
    }

    /** Retries with doubling delays; gives up after the configured number of attempts and records why. */
    private record BackoffThenFail(DocumentRepository documents, SohoaProperties.Jobs jobs)
            implements FailureHandler<String> {

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<String> operations) {
            int failures = complete.getExecution().consecutiveFailures + 1;
            String documentId = (String) complete.getExecution().taskInstance.getData();
            String cause = complete.getCause().map(Throwable::getMessage).orElse("unknown error");
            if (failures >= jobs.maxAttempts()) {
                LOG.error("giving up on document {} after {} attempts: {}", documentId, failures, cause);
                documents.markFailed(documentId, "gave up after " + failures + " attempts: " + cause);
                operations.stop();
                return;
            }
            Duration delay = jobs.firstRetryDelay().multipliedBy(1L << Math.min(failures - 1, 16));
            if (delay.compareTo(jobs.maxRetryDelay()) > 0) {
                delay = jobs.maxRetryDelay();
            }
            LOG.warn("document {} attempt {} failed ({}); retrying in {}", documentId, failures, cause, delay);
            operations.reschedule(complete, Instant.now().plus(delay));
        }
    }
}
