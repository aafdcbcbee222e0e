package vn.sohoa.app.delivery;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.certify.CertifiedCopies;
import vn.sohoa.app.principal.SohoaPrincipal;

/** How a copy reached (or is reaching) its requester. */
@RestController
@Tag(name = "Certified copies", description = "Chứng thực bản sao điện tử từ bản chính")
class DeliveryController {

    private final Deliveries deliveries;
    private final CertifiedCopies copies;

    DeliveryController(Deliveries deliveries, CertifiedCopies copies) {
        this.deliveries = deliveries;
        this.copies = copies;
    }

    /** A delivery as the API shows it. */
    record DeliveryView(String id, DeliveryChannel channel, String recipient, String status, int attempts,
                        String lastError, OffsetDateTime createdAt, OffsetDateTime deliveredAt) {
    }

    @GetMapping("/api/v1/certified-copies/{id}/deliveries")
    @Operation(summary = "The copy's deliveries to the requester (e-mail, the portal's personal data store): "
            + "PENDING while tried again, DELIVERED, or FAILED after the last attempt with the last error")
    List<DeliveryView> list(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id) {
        copies.get(principal, id);
        return deliveries.ofCopy(id).stream().map(d -> new DeliveryView(d.id(), d.channel(), d.recipient(),
                d.status(), d.attempts(), d.lastError(), d.createdAt(), d.deliveredAt())).toList();
    }
}
