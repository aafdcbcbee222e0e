package vn.sohoa.app.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.concurrent.Semaphore;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import vn.sohoa.app.config.BackoffThenGiveUp;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.core.net.OutboundHttp;
import vn.sohoa.core.net.OutboundPolicy;

/**
 * Sends one outbox delivery: {@code POST} of the JSON payload with {@code X-Sohoa-Event}, {@code X-Sohoa-Delivery},
 * {@code X-Sohoa-Timestamp} and {@code X-Sohoa-Signature: sha256=<hex>} — the HMAC-SHA256, keyed with the
 * subscription's secret, of the timestamp, a dot and the body, so that a receiver can check who sent it and refuse
 * replays. For a while after the secret is rotated the header carries a second value, comma-separated, made with the
 * previous secret. A 2xx answer delivers it; anything else is retried with doubling delays (the durable-job settings) and
 * given up after the last attempt, which the deliveries list shows.
 */
@Configuration(proxyBeanMethods = false)
class WebhookDelivery {

    static final TaskDescriptor<String> TASK = TaskDescriptor.of("deliver-webhook", String.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** A receiver's answer is read only for its status. */
    private static final long MAX_ANSWER_BYTES = 64 * 1024;

    /** How long a delivery waits when every delivery slot is taken before it looks again. */
    private static final Duration SLOTS_BUSY_WAIT = Duration.ofSeconds(2);

    /**
     * Deliveries share the durable-job threads with OCR; at most {@code sohoa.webhooks.max-concurrent-deliveries}
     * of them run at once on a node, so slow receivers can never hold every job thread: a delivery that finds every
     * slot taken gives its thread back at once and is looked at again shortly.
     */
    @Bean
    CustomTask<String> deliverWebhookTask(JdbcClient jdbc, SohoaProperties properties, OutboundHttp http,
                                          WebhookSettings settings, Clock clock) {
        OutboundHttp outbound = http.withLimits(TIMEOUT, MAX_ANSWER_BYTES).forPurpose(OutboundHttp.Purpose.WEBHOOK);
        Semaphore slots = new Semaphore(settings.maxConcurrentDeliveries());
        return Tasks.custom(TASK)
                .onFailure(new BackoffThenGiveUp(properties.jobs(), "webhook delivery", (id, why) ->
                        jdbc.sql("update webhook_deliveries set gave_up_at = ?, last_error = ? where id = ?")
                                .params(OffsetDateTime.now(clock), why.length() > 1900 ? why.substring(0, 1900) : why, id)
                                .update()))
                .execute((instance, context) -> {
                    if (!slots.tryAcquire()) {
                        // the scheduler's own clock, as every execution time it keeps
                        return (complete, operations) -> operations.reschedule(complete,
                                complete.getTimeDone().plus(SLOTS_BUSY_WAIT));
                    }
                    try {
                        send(jdbc, outbound, clock, instance.getData());
                    } finally {
                        slots.release();
                    }
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }

    /** The signature header's value for {@code body} sent at {@code timestamp} (epoch seconds). */
    static String signature(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static void send(JdbcClient jdbc, OutboundHttp outbound, Clock clock, String deliveryId) {
        record Target(String url, String secret, String previousSecret, OffsetDateTime previousUntil,
                      String eventType, String payload, boolean delivered) {
        }
        Target target = jdbc.sql("select s.url, s.secret, s.previous_secret, s.previous_secret_until, d.event_type, "
                        + "d.payload, d.delivered_at "
                        + "from webhook_deliveries d join webhook_subscriptions s on s.id = d.subscription_id "
                        + "where d.id = ?")
                .param(deliveryId)
                .query((rs, n) -> new Target(rs.getString("url"), rs.getString("secret"),
                        rs.getString("previous_secret"), rs.getObject("previous_secret_until", OffsetDateTime.class),
                        rs.getString("event_type"), rs.getString("payload"), rs.getObject("delivered_at") != null))
                .optional().orElse(null);
        if (target == null || target.delivered()) {
            return; // gone, or delivered by an attempt that crashed before its job completed
        }
        byte[] body = target.payload().getBytes(StandardCharsets.UTF_8);
        // the receiver checks this against its own clock to refuse replays: the real time, not the service's clock
        long timestamp = Instant.now().getEpochSecond();
        String signatures = signature(target.secret(), timestamp, body);
        if (target.previousSecret() != null && OffsetDateTime.now(clock).isBefore(target.previousUntil())) {
            // while a rotated secret overlaps, both sign: the receiver accepts either and switches in its own time
            signatures += "," + signature(target.previousSecret(), timestamp, body);
        }
        int status;
        String error = null;
        try {
            // judged again at each attempt: the name may point elsewhere now than at registration (DNS rebinding)
            OutboundHttp.Response response = outbound.send(HttpRequest.newBuilder(URI.create(target.url()))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Sohoa-Webhooks/1")
                    .header("X-Sohoa-Event", WebhookEvent.valueOf(target.eventType()).wireName())
                    .header("X-Sohoa-Delivery", deliveryId)
                    .header("X-Sohoa-Timestamp", String.valueOf(timestamp))
                    .header("X-Sohoa-Signature", signatures)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
            status = response.status();
            if (status < 200 || status >= 300) {
                error = "answered HTTP " + status;
            }
        } catch (OutboundPolicy.RefusedException e) {
            status = 0;
            error = "refused by the outbound policy: " + e.getMessage();
        } catch (HttpTimeoutException e) {
            status = 0;
            error = "no answer in time";
        } catch (IOException e) {
            // the same words whatever the network said, so that the deliveries list tells nothing of what listens
            status = 0;
            error = "no answer (the connection failed)";
        }
        jdbc.sql("update webhook_deliveries set attempts = attempts + 1, last_status = ?, last_error = ?, "
                        + "delivered_at = ? where id = ?")
                .params(status == 0 ? null : status, error, error == null ? OffsetDateTime.now(clock) : null, deliveryId)
                .update();
        if (error != null) {
            throw new IllegalStateException("webhook " + deliveryId + " to " + URI.create(target.url()).getHost()
                    + ": " + error);
        }
    }
}
