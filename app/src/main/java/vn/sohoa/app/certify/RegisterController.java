package vn.sohoa.app.certify;

import java.util.List;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.agency.AccessPolicy;
import vn.sohoa.app.agency.Agency;
import vn.sohoa.app.agency.AgencyRepository;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.error.InvalidInputException;

/**
 * The certification register of an agency: its entries (void numbers included), the monthly print for binding
 * (PDF/A) and CSV, opening the next book, and the year-end close. Certifiers, supervisors and administrators of the
 * agency (or above it) see it; certifiers and administrators change it.
 */
@RestController
@Tag(name = "Certification register", description = "Sổ chứng thực")
class RegisterController {

    private static final Set<Role> READERS = Set.of(Role.CERTIFIER, Role.SUPERVISOR, Role.ADMIN);
    private static final Set<Role> KEEPERS = Set.of(Role.CERTIFIER, Role.ADMIN);

    private final Register register;
    private final AgencyRepository agencies;
    private final AccessPolicy access;

    RegisterController(Register register, AgencyRepository agencies, AccessPolicy access) {
        this.register = register;
        this.agencies = agencies;
        this.access = access;
    }

    /** The register's state, its totals (and each month's), and its lines. */
    record RegisterView(Register.BookState state, RegisterPrint.Totals totals, List<RegisterPrint.MonthTotals> months,
                        List<Register.Entry> entries) {

        static RegisterView of(Register.BookState state, List<Register.Entry> entries) {
            return new RegisterView(state, RegisterPrint.Totals.of(entries), RegisterPrint.byMonth(entries), entries);
        }
    }

    @GetMapping("/api/v1/registers/{agencyCode}/{kind}/{year}")
    @Operation(summary = "A year's register (or one month of it, ?month=1..12): every number with its state")
    RegisterView entries(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String agencyCode,
                         @PathVariable RegisterKind kind, @PathVariable int year,
                         @RequestParam(required = false) Integer month) {
        requireRole(principal, READERS);
        agency(principal, agencyCode);
        List<Register.Entry> entries = register.entries(agencyCode, kind, year, month(month));
        return RegisterView.of(register.state(agencyCode, kind, year), entries);
    }

    @GetMapping(value = "/api/v1/registers/{agencyCode}/{kind}/{year}/export.csv", produces = "text/csv")
    @Operation(summary = "The register as CSV (UTF-8 with BOM)")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String agencyCode,
                               @PathVariable RegisterKind kind, @PathVariable int year,
                               @RequestParam(required = false) Integer month) {
        requireRole(principal, READERS);
        agency(principal, agencyCode);
        return attachment(RegisterPrint.csv(register.entries(agencyCode, kind, year, month(month))),
                MediaType.parseMediaType("text/csv; charset=UTF-8"), fileName(agencyCode, year, month, "csv"));
    }

    @GetMapping(value = "/api/v1/registers/{agencyCode}/{kind}/{year}/export.pdf", produces = "application/pdf")
    @Operation(summary = "The register printed for binding: PDF/A-2b, one row per number, totals at the end")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String agencyCode,
                               @PathVariable RegisterKind kind, @PathVariable int year,
                               @RequestParam(required = false) Integer month) {
        requireRole(principal, READERS);
        Agency agency = agency(principal, agencyCode);
        String period = month == null ? "Năm " + year : "Tháng " + month(month) + " năm " + year;
        byte[] pdf = RegisterPrint.pdf(agency.name(), agency.code(), kind, period,
                register.entries(agencyCode, kind, year, month(month)), register.now());
        return attachment(pdf, MediaType.APPLICATION_PDF, fileName(agencyCode, year, month, "pdf"));
    }

    @PostMapping("/api/v1/registers/{agencyCode}/{kind}/{year}/books")
    @Operation(summary = "Close the current book and open the next; numbering continues")
    Register.BookState openNextBook(@AuthenticationPrincipal SohoaPrincipal principal,
                                    @PathVariable String agencyCode, @PathVariable RegisterKind kind,
                                    @PathVariable int year) {
        requireRole(principal, KEEPERS);
        agency(principal, agencyCode);
        return register.openNextBook(principal.username(), agencyCode, kind, year);
    }

    @PostMapping("/api/v1/registers/{agencyCode}/{kind}/{year}/close")
    @Operation(summary = "Year-end close (from 1 January of the next year): totals final, nothing more reserved")
    RegisterView closeYear(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String agencyCode,
                           @PathVariable RegisterKind kind, @PathVariable int year) {
        requireRole(principal, KEEPERS);
        agency(principal, agencyCode);
        Register.BookState state = register.closeYear(principal.username(), agencyCode, kind, year);
        List<Register.Entry> entries = register.entries(agencyCode, kind, year, null);
        return RegisterView.of(state, entries);
    }

    private Agency agency(SohoaPrincipal principal, String agencyCode) {
        access.requireVisible(principal, agencyCode, "register of " + agencyCode);
        return agencies.find(agencyCode).orElseThrow(() -> new NotFoundException("register of " + agencyCode));
    }

    private static void requireRole(SohoaPrincipal principal, Set<Role> roles) {
        if (!roles.contains(principal.role())) {
            throw new ForbiddenException("the register is kept by certifiers and read by supervisors and "
                    + "administrators", "sổ chứng thực chỉ dành cho người thực hiện chứng thực, lãnh đạo và quản trị");
        }
    }

    private static Integer month(Integer month) {
        if (month != null && (month < 1 || month > 12)) {
            throw new InvalidInputException("month", "month must be 1 to 12, was " + month,
                    "tháng phải từ 1 đến 12, nhận được " + month);
        }
        return month;
    }

    private static String fileName(String agencyCode, int year, Integer month, String extension) {
        return "so-chung-thuc-" + agencyCode + "-" + year + (month == null ? "" : String.format("-%02d", month))
                + "." + extension;
    }

    private static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(body);
    }
}
