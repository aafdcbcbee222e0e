package vn.sohoa.app.document;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

/**
 * The durable queue of documents to digitize: a db-scheduler task named {@code digitize-document} whose data is the
 * document's id. Documents are put on it here, in the transaction that records them; the digitize package runs it.
 */
public final class DigitizationQueue {

    public static final TaskDescriptor<String> TASK = TaskDescriptor.of("digitize-document", String.class);

    private DigitizationQueue() {
    }
}
