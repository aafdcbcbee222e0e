package vn.sohoa.app.dossier;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.sohoa.app.agency.AccessPolicy;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.citizen.Requester;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.error.ConflictException;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.code.AgencyCode;
import vn.sohoa.core.code.DossierCode;
import vn.sohoa.core.code.InvalidCodeException;
import vn.sohoa.core.code.ProcedureCode;
import vn.sohoa.core.error.InvalidInputException;

@Service
public class DossierService {

    private static final Set<Role> MAY_REGISTER = Set.of(Role.CLERK, Role.SYSTEM, Role.ADMIN);

    private final DossierRepository dossiers;
    private final Clock clock;
    private final AccessPolicy access;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    DossierService(DossierRepository dossiers, AccessPolicy access, ApplicationEventPublisher events, Clock clock,
                   AuditLog audit) {
        this.audit = audit;
        this.clock = clock;
        this.dossiers = dossiers;
        this.access = access;
        this.events = events;
    }

    @Transactional
    public Dossier register(SohoaPrincipal principal, String code, String agencyCode, String procedureCode,
                            OffsetDateTime receivedAt, Requester applicant) {
        if (!MAY_REGISTER.contains(principal.role())) {
            throw new ForbiddenException("only clerks and systems register dossiers",
                    "chỉ cán bộ tiếp nhận hoặc hệ thống mới được tiếp nhận hồ sơ");
        }
        if (agencyCode == null || agencyCode.isBlank()) {
            throw new InvalidInputException("agencyCode", "agencyCode is required", "thiếu mã cơ quan (agencyCode)");
        }
        AgencyCode agency = AgencyCode.of(agencyCode);
        DossierCode dossierCode = DossierCode.parse(code);
        if (!dossierCode.agency().equals(agency)) {
            throw new InvalidCodeException("code", code, "a code that begins with the agency code " + agencyCode);
        }
        if (procedureCode != null && !procedureCode.isBlank()) {
            new ProcedureCode(procedureCode);
        }
        // received now when not said otherwise (the desk's page registers the dossier it is receiving)
        OffsetDateTime received = receivedAt != null ? receivedAt
                : OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        // the code's YYMMDD is the receipt date in Vietnam time (TT 01/2018/TT-VPCP art. 19)
        LocalDate receivedOn = received.atZoneSameInstant(VietnamTime.ZONE).toLocalDate();
        if (!dossierCode.receivedOn().equals(receivedOn)) {
            throw new InvalidInputException("code", "the code's date " + dossierCode.receivedOn() + " (YYMMDD) is not "
                    + "the receipt date " + receivedOn + " in Vietnam time (receivedAt " + received + ")",
                    "phần ngày của mã hồ sơ (" + dossierCode.receivedOn() + ") phải là ngày tiếp nhận " + receivedOn);
        }
        access.requireVisible(principal, agencyCode, "agency " + agencyCode);
        String procedure = procedureCode == null || procedureCode.isBlank() ? null : procedureCode;
        Dossier dossier = new Dossier(dossierCode.value(), agencyCode, procedure, VietnamTime.of(received),
                principal.username(), applicant);
        try {
            dossiers.insert(dossier);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("dossier " + dossier.code() + " is already registered",
                    "hồ sơ " + dossier.code() + " đã được tiếp nhận");
        }
        events.publishEvent(new DossierRegistered(dossier.code(), agencyCode, dossier.receivedAt()));
        audit.record(principal.username(), agencyCode, AuditAction.DOSSIER_REGISTERED, dossier.code(),
                procedure == null ? "registered" : "procedure " + procedure);
        return dossier;
    }

    public Dossier get(SohoaPrincipal principal, String code) {
        Dossier dossier = dossiers.find(code).orElseThrow(() -> new NotFoundException("dossier " + code));
        access.requireVisible(principal, dossier.agencyCode(), "dossier " + code);
        return dossier;
    }

    /** The caller's dossiers whose code or procedure code contains {@code text}; all recent ones when blank. */
    public List<Dossier> search(SohoaPrincipal principal, String text, int limit) {
        if (text == null || text.isBlank()) {
            return recent(principal, limit);
        }
        return dossiers.search(access.visibleAgencies(principal), text.strip(), limit);
    }

    /** The next free dossier code of the agency for today (Vietnam time): what the register form proposes. */
    public String nextCode(SohoaPrincipal principal, String agencyCode) {
        access.requireVisible(principal, agencyCode, "agency " + agencyCode);
        LocalDate today = VietnamTime.today(clock);
        String prefix = String.format("%s-%02d%02d%02d-", agencyCode, today.getYear() % 100, today.getMonthValue(),
                today.getDayOfMonth());
        int next = dossiers.lastSequence(prefix) + 1;
        if (next > 9999) {
            throw new ConflictException("agency " + agencyCode + " used all 9999 dossier codes of the day",
                    "đã dùng hết 9999 mã hồ sơ trong ngày");
        }
        return new DossierCode(AgencyCode.of(agencyCode), today, next).value();
    }

    public List<Dossier> recent(SohoaPrincipal principal, int limit) {
        return dossiers.findByAgencies(access.visibleAgencies(principal), limit);
    }
}
