package vn.sohoa.app.pki;

import java.net.URI;
import java.util.List;

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
import vn.sohoa.app.principal.SohoaPrincipal;

/** Enrolling a certifier's own certificates (USB token, remote signing), which alone may sign in their name. */
@RestController
@Tag(name = "Users", description = "Người dùng và vai trò")
class CertifierCertificateController {

    private final CertifierCertificates certificates;

    CertifierCertificateController(CertifierCertificates certificates) {
        this.certificates = certificates;
    }

    /** A certificate to enrol (Base64 DER or PEM); {@code confirm} true once its subject was shown and checked. */
    record Enrolment(String certificate, Boolean confirm) {
    }

    @GetMapping("/api/v1/users/{username}/certificates")
    @Operation(summary = "The certificates enrolled for a certifier (the certifier or an administrator)")
    List<CertifierCertificates.Enrolled> list(@AuthenticationPrincipal SohoaPrincipal principal,
                                              @PathVariable String username) {
        return certificates.list(principal, username);
    }

    @PostMapping("/api/v1/users/{username}/certificates")
    @Operation(summary = "Enrol a certificate for a certifier in two steps: without confirm → 200 with its subject, "
            + "issuer, validity and SHA-256 (nothing stored); with \"confirm\": true → 201, enrolled")
    ResponseEntity<CertifierCertificates.Enrolled> enrol(@AuthenticationPrincipal SohoaPrincipal principal,
                                                         @PathVariable String username,
                                                         @RequestBody(required = false) Enrolment body) {
        Enrolment given = body == null ? new Enrolment(null, null) : body;
        boolean confirm = Boolean.TRUE.equals(given.confirm());
        CertifierCertificates.Enrolled enrolled = certificates.enrol(principal, username, given.certificate(), confirm);
        return confirm ? ResponseEntity.created(URI.create("/api/v1/users/" + username + "/certificates/"
                + enrolled.fingerprint())).body(enrolled) : ResponseEntity.ok(enrolled);
    }

    @DeleteMapping("/api/v1/users/{username}/certificates/{fingerprint}")
    @Operation(summary = "Withdraw an enrolled certificate")
    ResponseEntity<Void> remove(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String username,
                                @PathVariable String fingerprint) {
        certificates.remove(principal, username, fingerprint);
        return ResponseEntity.noContent().build();
    }
}
