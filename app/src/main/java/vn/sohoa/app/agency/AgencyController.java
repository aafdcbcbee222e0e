package vn.sohoa.app.agency;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.security.AccessPolicy;
import vn.sohoa.app.security.SohoaPrincipal;

@RestController
@Tag(name = "Agencies", description = "Cơ quan, đơn vị hành chính")
class AgencyController {

    private final AgencyRepository agencies;
    private final AccessPolicy access;

    AgencyController(AgencyRepository agencies, AccessPolicy access) {
        this.agencies = agencies;
        this.access = access;
    }

    @GetMapping("/api/v1/agencies")
    @Operation(summary = "The agencies the caller may see")
    List<Agency> list(@AuthenticationPrincipal SohoaPrincipal principal) {
        Set<String> visible = access.visibleAgencies(principal);
        return agencies.findAll().stream().filter(a -> visible.contains(a.code())).toList();
    }
}
