package vn.sohoa.app.agency;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;

/**
 * Who may see what: administrators see every agency; everyone else sees their own agency and the units below it.
 * What a caller may not see answers 404, as if it did not exist.
 */
@Component
public class AccessPolicy {

    private final AgencyRepository agencies;

    AccessPolicy(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    public Set<String> visibleAgencies(SohoaPrincipal principal) {
        if (principal.role() == Role.ADMIN) {
            Set<String> all = new LinkedHashSet<>();
            agencies.findAll().stream().map(Agency::code).forEach(all::add);
            return all;
        }
        if (principal.agencyCode() == null) {
            return Set.of();
        }
        return agencies.withDescendants(principal.agencyCode());
    }

    /** The agencies the caller may see, in code order. */
    public List<Agency> visibleAgencyList(SohoaPrincipal principal) {
        Set<String> visible = visibleAgencies(principal);
        return agencies.findAll().stream().filter(agency -> visible.contains(agency.code())).toList();
    }

    public void requireVisible(SohoaPrincipal principal, String agencyCode, String what) {
        if (!visibleAgencies(principal).contains(agencyCode)) {
            throw new NotFoundException(what);
        }
    }
}
