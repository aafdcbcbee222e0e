package vn.sohoa.app.metrics;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import vn.sohoa.app.certify.CopyCertified;
import vn.sohoa.app.config.JobQueues;
import vn.sohoa.app.document.DocumentDigitized;

/**
 * What a province's IT team watches, as Micrometer meters (scraped at {@code /actuator/prometheus}): pages digitized
 * and copies certified (counted from the events), and, read from the database at each scrape so that every node
 * reports the cluster's state: jobs waiting and the oldest one's wait per task, register numbers by state, and the
 * webhook and copy-delivery backlogs.
 */
@Component
class SohoaMetrics {

    /** The durable tasks whose queues are watched. */
    static final List<String> TASKS = List.of("digitize-document", "deliver-webhook", "deliver-copy");

    private final Counter pagesDigitized;
    private final Counter copiesCertified;

    SohoaMetrics(MeterRegistry registry, JdbcClient jdbc, JobQueues queues) {
        pagesDigitized = Counter.builder("sohoa.pages.digitized").description("pages digitized (OCR to PDF/A)")
                .register(registry);
        copiesCertified = Counter.builder("sohoa.copies.certified").description("certified copies issued")
                .register(registry);
        for (String task : TASKS) {
            Gauge.builder("sohoa.jobs.waiting", () -> queues.waiting(task))
                    .tag("task", task).description("durable jobs waiting to run").register(registry);
            Gauge.builder("sohoa.jobs.oldest.waiting.seconds", () -> queues.oldestDueWait(task).toMillis() / 1000.0)
                    .tag("task", task).baseUnit("seconds").description("how long the oldest due job has waited")
                    .register(registry);
        }
        for (String status : List.of("ISSUED", "VOID", "PENDING")) {
            Gauge.builder("sohoa.register.entries", () -> jdbc.sql("select count(*) from register_entries where "
                            + "status = ?").param(status).query(Long.class).single())
                    .tag("status", status.toLowerCase()).description("register numbers by state").register(registry);
        }
        Gauge.builder("sohoa.webhook.backlog", () -> jdbc.sql("select count(*) from webhook_deliveries where "
                        + "delivered_at is null and gave_up_at is null").query(Long.class).single())
                .description("webhook deliveries not yet delivered nor given up").register(registry);
        Gauge.builder("sohoa.delivery.backlog", () -> jdbc.sql("select count(*) from copy_deliveries where "
                        + "delivered_at is null and gave_up_at is null").query(Long.class).single())
                .description("copy deliveries (e-mail, portal) not yet delivered nor given up").register(registry);
    }

    @EventListener
    void digitized(DocumentDigitized event) {
        pagesDigitized.increment(event.pages());
    }

    @EventListener
    void certified(CopyCertified event) {
        copiesCertified.increment();
    }
}
