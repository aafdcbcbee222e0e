package vn.sohoa.app.pki;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.signing.keys.DevelopmentPki;

/** Public endpoints of the development PKI: its root certificate and a fresh CRL, for relying parties. */
@RestController
@Tag(name = "PKI", description = "Development PKI: root certificate and revocation list")
class PkiController {

    static final String CRL_PATH = "/pki/dev-root-ca.crl";

    private final DevelopmentPki pki;

    PkiController(DevelopmentPki pki) {
        this.pki = pki;
    }

    @GetMapping(value = CRL_PATH, produces = "application/pkix-crl")
    @Operation(summary = "Current CRL of the development root CA")
    ResponseEntity<byte[]> crl() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkix-crl"))
                .body(pki.currentCrl());
    }

    @GetMapping(value = "/pki/dev-root-ca.pem", produces = "application/x-pem-file")
    @Operation(summary = "Root certificate of the development PKI (trust anchor for development copies)")
    ResponseEntity<byte[]> root() throws IOException {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-pem-file"))
                .body(Files.readAllBytes(pki.rootPemFile()));
    }
}
