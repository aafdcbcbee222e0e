package vn.sohoa.app.webhook;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.agency.AccessPolicy;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;

@RestController
@Tag(name = "Webhooks", description = "Thông báo cho hệ thống khác khi hồ sơ được số hóa, bản sao được chứng thực")
class WebhookController {

    private static final Set<Role> MAY_SUBSCRIBE = Set.of(Role.SYSTEM, Role.ADMIN);

    private final Webhooks webhooks;
    private final AccessPolicy access;
    private final AuditLog audit;

    private final WebhookSettings settings;

    WebhookController(Webhooks webhooks, AccessPolicy access, AuditLog audit, WebhookSettings settings) {
        this.settings = settings;
        this.webhooks = webhooks;
        this.access = access;
        this.audit = audit;
    }

    record NewSubscription(String url, List<WebhookEvent> events, String agencyCode) {
    }

    @PostMapping("/api/v1/webhooks")
    @Operation(summary = "Subscribe a URL to events of an agency and the units below it (API client: its own "
            + "agency; administrator: agencyCode). The answer holds the signing secret, shown only here. Deliveries "
            + "are POSTs of JSON with X-Sohoa-Event, X-Sohoa-Delivery, X-Sohoa-Timestamp and X-Sohoa-Signature = "
            + "sha256=hex(HMAC-SHA256(secret, timestamp + '.' + body)); any answer but 2xx is retried with backoff")
    ResponseEntity<Webhooks.Subscription> subscribe(@AuthenticationPrincipal SohoaPrincipal principal,
                                                    @RequestBody NewSubscription request) {
        requireRole(principal);
        String agency = principal.role() == Role.ADMIN && request.agencyCode() != null ? request.agencyCode()
                : principal.agencyCode();
        access.requireVisible(principal, agency, "agency " + agency);
        Webhooks.Subscription created = webhooks.subscribe(agency, request.url(), request.events(),
                principal.username());
        audit.record(principal.username(), principal.agencyCode(), AuditAction.WEBHOOK_SUBSCRIBED, created.id(),
                created.events() + " of " + agency + " to " + URI.create(created.url()).getHost());
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/webhooks")
    @Operation(summary = "The subscriptions of the caller's agencies (without secrets)")
    List<Webhooks.Subscription> list(@AuthenticationPrincipal SohoaPrincipal principal) {
        requireRole(principal);
        return webhooks.subscriptions(access.visibleAgencies(principal));
    }

    @GetMapping("/api/v1/webhooks/{id}/deliveries")
    @Operation(summary = "The subscription's latest 100 deliveries: attempts, last HTTP status or error, delivered "
            + "or given up")
    List<Webhooks.Delivery> deliveries(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id) {
        visible(principal, id);
        return webhooks.deliveries(id, 100);
    }

    @PostMapping("/api/v1/webhooks/{id}/secret")
    @Operation(summary = "Rotate the subscription's signing secret: the new one is shown only here; until "
            + "previousSecretValidUntil (sohoa.webhooks.secret-overlap, 24 h) deliveries carry both signatures, "
            + "X-Sohoa-Signature: sha256=<new>,sha256=<previous>")
    Webhooks.RotatedSecret rotate(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id) {
        visible(principal, id);
        Webhooks.RotatedSecret rotated = webhooks.rotateSecret(id, settings.secretOverlap());
        audit.record(principal.username(), principal.agencyCode(), AuditAction.WEBHOOK_SECRET_ROTATED, id,
                "previous secret valid until " + rotated.previousSecretValidUntil());
        return rotated;
    }

    @DeleteMapping("/api/v1/webhooks/{id}")
    @Operation(summary = "Stop a subscription (its deliveries stay listed)")
    ResponseEntity<Void> stop(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id) {
        visible(principal, id);
        webhooks.deactivate(id);
        audit.record(principal.username(), principal.agencyCode(), AuditAction.WEBHOOK_STOPPED, id, "stopped");
        return ResponseEntity.noContent().build();
    }

    private void visible(SohoaPrincipal principal, String id) {
        requireRole(principal);
        Webhooks.Subscription subscription = webhooks.find(id)
                .orElseThrow(() -> new NotFoundException("webhook " + id));
        access.requireVisible(principal, subscription.agencyCode(), "webhook " + id);
    }

    private static void requireRole(SohoaPrincipal principal) {
        if (!MAY_SUBSCRIBE.contains(principal.role())) {
            throw new ForbiddenException("only API clients and administrators manage webhooks",
                    "chỉ hệ thống tích hợp và quản trị viên được quản lý webhook");
        }
    }
}
