package vn.sohoa.app.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;

/**
 * Time-limited GET links straight to the object store, for systems that fetch large files without Sohoa in between.
 * A link is a bearer credential for its file: only the roles that hand files on get one (the clerk who returns
 * results, the certifier, other systems), its lifetime is capped (minutes by default) and every issuance is audited.
 */
@Component
public class PresignedLinks {

    /** Supervisors and administrators read files through Sohoa; they have no reason to pass a file on. */
    static final Set<Role> MAY_ISSUE = EnumSet.of(Role.CLERK, Role.CERTIFIER, Role.SYSTEM);

    private final ObjectStore store;
    private final SohoaProperties.Storage settings;
    private final AuditLog audit;
    private final Clock clock;

    PresignedLinks(ObjectStore store, SohoaProperties properties, AuditLog audit, Clock clock) {
        this.store = store;
        this.settings = properties.storage();
        this.audit = audit;
        this.clock = clock;
    }

    /** A link and when it stops working. */
    public record Link(String url, OffsetDateTime expiresAt) {
    }

    /**
     * A link for a signed-in caller.
     *
     * @param subject          what the link opens, for the audit log (a document or copy id; never personal data)
     * @param expiresInSeconds the lifetime asked for, or null for the configured default
     */
    public Link issue(SohoaPrincipal principal, ObjectKey key, String subject, Integer expiresInSeconds) {
        if (!MAY_ISSUE.contains(principal.role())) {
            throw new ForbiddenException("only clerks, certifiers and API clients get download links",
                    "chỉ cán bộ tiếp nhận, người chứng thực và hệ thống tích hợp được tạo liên kết tải về");
        }
        Duration expiry = expiresInSeconds == null ? settings.presignExpiry() : Duration.ofSeconds(expiresInSeconds);
        if (expiry.isNegative() || expiry.isZero() || expiry.compareTo(settings.presignMaxExpiry()) > 0) {
            throw new InvalidInputException("expiresInSeconds", "expiresInSeconds must be within 1.."
                    + settings.presignMaxExpiry().toSeconds(), "thời hạn liên kết (expiresInSeconds) phải từ 1 đến "
                    + settings.presignMaxExpiry().toSeconds() + " giây");
        }
        return issued(principal.username(), principal.agencyCode(), key, subject, expiry);
    }

    /** A link Sohoa itself sends (an e-mail to the requester), with its own configured lifetime. */
    public Link issueForDelivery(ObjectKey key, String subject, String agencyCode, Duration lifetime) {
        return issued("system:delivery", agencyCode, key, subject, lifetime);
    }

    private Link issued(String actor, String agencyCode, ObjectKey key, String subject, Duration expiry) {
        OffsetDateTime expiresAt = OffsetDateTime.now(clock).withOffsetSameInstant(VietnamTime.OFFSET).plus(expiry)
                .withNano(0);
        Link link = new Link(store.presignedGetUrl(key, expiry), expiresAt);
        audit.record(actor, agencyCode, AuditAction.LINK_ISSUED, subject, "expires " + expiresAt);
        return link;
    }
}
