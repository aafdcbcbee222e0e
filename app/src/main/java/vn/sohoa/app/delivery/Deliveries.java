package vn.sohoa.app.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import vn.sohoa.app.certify.Certification;
import vn.sohoa.app.certify.CopyCertified;
import vn.sohoa.app.config.VietnamTime;

/**
 * The outbox of deliveries to requesters: when a copy is certified, in the same transaction, one delivery per channel
 * that applies — e-mail when the requester gave an address and e-mail is on, the portal's personal data store when
 * its connector is configured — and a durable job each ({@link DeliverCopy}) that sends it and retries.
 */
@Service
public class Deliveries {

    private final JdbcClient jdbc;
    private final DeliverySettings settings;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    Deliveries(JdbcClient jdbc, DeliverySettings settings, ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** One delivery of a copy and how it went. */
    public record Delivery(String id, String certificationId, DeliveryChannel channel, String recipient,
                           OffsetDateTime createdAt, int attempts, String lastError, OffsetDateTime deliveredAt,
                           OffsetDateTime gaveUpAt) {

        public String status() {
            return deliveredAt != null ? "DELIVERED" : gaveUpAt != null ? "FAILED" : "PENDING";
        }
    }

    @EventListener
    void on(CopyCertified event) {
        Certification copy = event.copy();
        if (settings.emailEnabled() && copy.requester() != null && copy.requester().email() != null) {
            record(copy, DeliveryChannel.EMAIL, copy.requester().email());
        }
        if (settings.portalUrl() != null && copy.requester() != null) {
            record(copy, DeliveryChannel.PORTAL, null);
        }
    }

    private void record(Certification copy, DeliveryChannel channel, String recipient) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into copy_deliveries (id, certification_id, channel, recipient, created_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(id, copy.id(), channel.name(), recipient, OffsetDateTime.now(clock)).update();
        SchedulerClient client = scheduler.getIfAvailable();
        if (client != null) {
            // db-scheduler's own (real) time
            client.schedule(DeliverCopy.TASK.instance(id).data(id).scheduledTo(Instant.now()));
        }
    }

    /** The deliveries of one copy, oldest first. */
    public List<Delivery> ofCopy(String certificationId) {
        return jdbc.sql("select * from copy_deliveries where certification_id = ? order by created_at, channel")
                .param(certificationId)
                .query((rs, n) -> new Delivery(rs.getString("id"), rs.getString("certification_id"),
                        DeliveryChannel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                        VietnamTime.of(rs.getObject("created_at", OffsetDateTime.class)), rs.getInt("attempts"),
                        rs.getString("last_error"), time(rs.getObject("delivered_at", OffsetDateTime.class)),
                        time(rs.getObject("gave_up_at", OffsetDateTime.class))))
                .list();
    }

    private static OffsetDateTime time(OffsetDateTime at) {
        return at == null ? null : VietnamTime.of(at);
    }
}
