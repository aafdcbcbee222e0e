package vn.sohoa.app.digitize;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import vn.sohoa.app.config.BackoffThenGiveUp;
import vn.sohoa.app.config.ShutdownWatch;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.document.DigitizationQueue;
import vn.sohoa.app.document.DocumentRepository;
import vn.sohoa.app.node.NodeSettings;

/**
 * The durable job that digitizes a document. Its row in {@code scheduled_tasks} survives restarts and is taken by
 * exactly one node. Transient failures (the object store away, a crash) retry with exponential backoff; after the
 * last try the document is marked FAILED with the reason.
 */
@Configuration(proxyBeanMethods = false)
class DigitizeJob {

    @Bean
    OneTimeTask<String> digitizeDocumentTask(DigitizeDocument digitizeDocument, DocumentRepository documents,
                                             SohoaProperties properties, NodeSettings node) {
        return Tasks.oneTime(DigitizationQueue.TASK)
                .onFailure(new BackoffThenGiveUp(properties.jobs(), "document", documents::markFailed))
                .execute((instance, context) -> digitizeDocument.run(instance.getData(), new ShutdownWatch(
                        () -> context.getSchedulerState().isShuttingDown(), node.shutdownGrace())));
    }
}
