package vn.sohoa.app.document;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import vn.sohoa.app.config.BackoffThenGiveUp;
import vn.sohoa.app.config.SohoaProperties;

/**
 * The durable job that digitizes a document. Its row in {@code scheduled_tasks} survives restarts and is taken by
 * exactly one node. Transient failures (the object store away, a crash) retry with exponential backoff; after the
 * last try the document is marked FAILED with the reason.
 */
@Configuration(proxyBeanMethods = false)
class DigitizeTasks {

    static final TaskDescriptor<String> DIGITIZE = TaskDescriptor.of("digitize-document", String.class);

    @Bean
    OneTimeTask<String> digitizeDocumentTask(DigitizeDocument digitizeDocument, DocumentRepository documents,
                                             SohoaProperties properties) {
        return Tasks.oneTime(DIGITIZE)
                .onFailure(new BackoffThenGiveUp(properties.jobs(), "document", documents::markFailed))
                .execute((instance, context) -> digitizeDocument.run(instance.getData()));
    }
}
