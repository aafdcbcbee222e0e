package vn.sohoa.app.certify;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.principal.SohoaPrincipal;

/** The certification fee's rates, dated: which one is in force, and a new one from a future day. */
@RestController
@Tag(name = "Certified copies", description = "Chứng thực bản sao điện tử từ bản chính")
class FeeScheduleController {

    private final FeeSchedules fees;

    FeeScheduleController(FeeSchedules fees) {
        this.fees = fees;
    }

    @GetMapping("/api/v1/fee-schedules")
    @Operation(summary = "Every rate of the certification fee, which one is in force today, and a sample receipt "
            + "line (3 pages)")
    List<FeeSchedules.FeeScheduleView> list() {
        return fees.list();
    }

    @PostMapping("/api/v1/fee-schedules")
    @Operation(summary = "Add a rate (administrator): effectiveFrom (tomorrow at the earliest), firstPagesVnd, "
            + "firstPages, laterPagesVnd, capVnd, legalBasis")
    ResponseEntity<FeeSchedules.FeeScheduleView> add(@AuthenticationPrincipal SohoaPrincipal principal,
                                                     @RequestBody(required = false) FeeSchedules.NewFeeSchedule rate) {
        return ResponseEntity.created(URI.create("/api/v1/fee-schedules")).body(fees.add(principal, rate));
    }
}
