package vn.sohoa.app.digitize;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.agency.AccessPolicy;
import vn.sohoa.app.principal.SohoaPrincipal;

@RestController
@Tag(name = "Documents", description = "Giấy tờ được quét và số hóa")
class DigitizationQueueController {

    private final DigitizationBacklog backlog;
    private final AccessPolicy access;

    DigitizationQueueController(DigitizationBacklog backlog, AccessPolicy access) {
        this.backlog = backlog;
        this.access = access;
    }

    @GetMapping("/api/v1/digitization-queue")
    @Operation(summary = "The OCR queue: papers and pages waiting and in work (all desks share it), those of the "
            + "caller's desks, the measured seconds per page and the estimated wait for a paper uploaded now "
            + "(null until a paper has been digitized, or while no node takes OCR jobs: then stalled is true)")
    DigitizationBacklog.State queue(@AuthenticationPrincipal SohoaPrincipal principal) {
        return backlog.now(access.visibleAgencies(principal));
    }
}
