package vn.sohoa.app.webhook;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import tools.jackson.databind.json.JsonMapper;
import vn.sohoa.app.agency.AgencyRepository;
import vn.sohoa.app.certify.Certification;
import vn.sohoa.app.certify.CopyCertified;
import vn.sohoa.app.citizen.RequesterInput;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.document.DocumentDigitized;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.core.net.OutboundPolicy;

/**
 * Webhook subscriptions and the outbox. {@link #publish} runs in the transaction of the event it announces: it writes
 * one delivery per subscription whose agency covers the event's agency and schedules its durable delivery job, so a
 * delivery exists exactly when the event committed. {@link WebhookDelivery} sends it, signed with the subscription's
 * secret, and retries with backoff.
 */
@Service
public class Webhooks {

    /** A subscription as the API shows it; the secret only once, when it is created. */
    public record Subscription(String id, String agencyCode, String url, List<WebhookEvent> events, boolean active,
                               OffsetDateTime createdAt, String secret) {
    }

    /** One delivery of the outbox and how it went. */
    public record Delivery(String id, String subscriptionId, String eventType, OffsetDateTime createdAt, int attempts,
                           Integer lastStatus, String lastError, OffsetDateTime deliveredAt, OffsetDateTime gaveUpAt) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AgencyRepository agencies;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final SecureRandom random = new SecureRandom();

    private final OutboundPolicy outbound;

    Webhooks(JdbcClient jdbc, AgencyRepository agencies, ObjectProvider<SchedulerClient> scheduler,
             OutboundPolicy outbound, Clock clock) {
        this.outbound = outbound;
        this.clock = clock;
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.scheduler = scheduler;
    }

    @Transactional
    public Subscription subscribe(String agencyCode, String url, List<WebhookEvent> events, String createdBy) {
        URI target;
        try {
            target = url == null ? null : URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            target = null;
        }
        if (target == null || url.length() > 2000 || target.getHost() == null
                || !Set.of("http", "https").contains(String.valueOf(target.getScheme()).toLowerCase())) {
            throw new InvalidInputException("url", "url must be an absolute http(s) URL of at most 2000 characters",
                    "url phải là địa chỉ http(s) đầy đủ, tối đa 2000 ký tự");
        }
        try {
            outbound.check(target);
        } catch (OutboundPolicy.RefusedException e) {
            throw new InvalidInputException("url", e.getMessage(), "địa chỉ này nằm trong mạng nội bộ hoặc không "
                    + "phân giải được; Sohoa chỉ gửi đến địa chỉ công khai hoặc được cho phép");
        }
        if (events == null || events.isEmpty() || events.contains(null)) {
            throw new InvalidInputException("events", "events must list one or more of "
                    + Arrays.toString(WebhookEvent.values()), "cần ít nhất một loại sự kiện (events)");
        }
        String secret = newSecret();
        String id = UUID.randomUUID().toString();
        List<WebhookEvent> distinct = events.stream().distinct().toList();
        jdbc.sql("insert into webhook_subscriptions (id, agency_code, url, secret, events, created_by) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(id, agencyCode, target.toString(), secret,
                        String.join(",", distinct.stream().map(Enum::name).toList()), createdBy)
                .update();
        return find(id).map(s -> new Subscription(s.id(), s.agencyCode(), s.url(), s.events(), s.active(),
                s.createdAt(), secret)).orElseThrow();
    }

    /** A new secret after a rotation, and until when the previous one still signs beside it. */
    public record RotatedSecret(String id, String secret, OffsetDateTime previousSecretValidUntil) {
    }

    /** Replaces the subscription's secret; the previous one keeps signing beside it for {@code overlap}. */
    @Transactional
    public RotatedSecret rotateSecret(String id, Duration overlap) {
        String secret = newSecret();
        OffsetDateTime until = OffsetDateTime.now(clock).plus(overlap).withNano(0);
        if (jdbc.sql("update webhook_subscriptions set previous_secret = secret, previous_secret_until = ?, "
                + "secret = ? where id = ?").params(until, secret, id).update() == 0) {
            throw new NotFoundException("webhook " + id);
        }
        return new RotatedSecret(id, secret, VietnamTime.of(until));
    }

    private String newSecret() {
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    }

    public List<Subscription> subscriptions(Set<String> agencies) {
        if (agencies.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from webhook_subscriptions where agency_code in (:agencies) order by created_at")
                .param("agencies", agencies).query((rs, n) -> subscription(rs)).list();
    }

    public Optional<Subscription> find(String id) {
        return jdbc.sql("select * from webhook_subscriptions where id = ?").param(id)
                .query((rs, n) -> subscription(rs)).optional();
    }

    public void deactivate(String id) {
        if (jdbc.sql("update webhook_subscriptions set active = false where id = ?").param(id).update() == 0) {
            throw new NotFoundException("webhook " + id);
        }
    }

    public List<Delivery> deliveries(String subscriptionId, int limit) {
        return jdbc.sql("select * from webhook_deliveries where subscription_id = ? order by created_at desc, id")
                .param(subscriptionId).query((rs, n) -> new Delivery(rs.getString("id"),
                        rs.getString("subscription_id"), rs.getString("event_type"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getInt("attempts"),
                        (Integer) rs.getObject("last_status", Integer.class), rs.getString("last_error"),
                        rs.getObject("delivered_at", OffsetDateTime.class),
                        rs.getObject("gave_up_at", OffsetDateTime.class)))
                .list().stream().limit(limit).toList();
    }

    /**
     * Announces {@code event} about something of {@code agencyCode} to every active subscription of that agency or
     * of an agency above it; call it inside the transaction that records the event.
     */
    /** Announces a digitized document; the delivery is written in the transaction that marks it digitized. */
    @EventListener
    void on(DocumentDigitized event) {
        publish(WebhookEvent.DOCUMENT_DIGITIZED, event.agencyCode(), Map.of("documentId", event.documentId(),
                "dossierCode", event.dossierCode(), "pages", event.pages(), "pdfSha256", event.pdfSha256(),
                "digitizedAt", event.digitizedAt().toString(), "pdfUrl",
                "/api/v1/documents/" + event.documentId() + "/pdf"));
    }

    /** Announces an issued copy; the delivery is written in the transaction that issues it. */
    @EventListener
    void on(CopyCertified event) {
        Certification copy = event.copy();
        Map<String, Object> data = new LinkedHashMap<>(Map.of("certificationId", copy.id(),
                "documentId", copy.documentId(), "dossierCode", copy.dossierCode(),
                "registerNumber", copy.registerNumber(), "book", copy.book(), "copy", copy.copyIndex(),
                "sha256", copy.sha256(), "certifiedAt", copy.certifiedAt().toString(), "feeVnd", copy.feeVnd(),
                "pdfUrl", "/api/v1/certified-copies/" + copy.id() + "/pdf"));
        // the one-stop system files the copy under the requester's identity number (sent to subscribers only)
        data.put("requester", RequesterInput.of(copy.requester()));
        publish(WebhookEvent.COPY_CERTIFIED, copy.agencyCode(), data);
    }

    public void publish(WebhookEvent event, String agencyCode, Map<String, Object> data) {
        List<Subscription> targets = new ArrayList<>();
        for (Subscription subscription : jdbc.sql("select * from webhook_subscriptions where active = true")
                .query((rs, n) -> subscription(rs)).list()) {
            if (subscription.events().contains(event)
                    && agencies.withDescendants(subscription.agencyCode()).contains(agencyCode)) {
                targets.add(subscription);
            }
        }
        for (Subscription subscription : targets) {
            String id = UUID.randomUUID().toString();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("id", id);
            payload.put("type", event.wireName());
            payload.put("occurredAt", clock.instant().toString());
            payload.put("agencyCode", agencyCode);
            payload.put("data", data);
            jdbc.sql("insert into webhook_deliveries (id, subscription_id, event_type, payload) values (?, ?, ?, ?)")
                    .params(id, subscription.id(), event.name(), JSON.writeValueAsString(payload)).update();
            SchedulerClient client = scheduler.getIfAvailable();
            if (client != null) {
                client.schedule(WebhookDelivery.TASK.instance(id).data(id).scheduledTo(Instant.now())); // db-scheduler's own (real) time
            }
        }
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        return new Subscription(rs.getString("id"), rs.getString("agency_code"), rs.getString("url"),
                Arrays.stream(rs.getString("events").split(",")).map(WebhookEvent::valueOf).toList(),
                rs.getBoolean("active"), rs.getObject("created_at", OffsetDateTime.class), null);
    }
}
