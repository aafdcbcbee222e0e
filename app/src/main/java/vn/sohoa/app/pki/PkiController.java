package vn.sohoa.app.pki;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.signing.keys.DevelopmentPki;

/**
 * Public endpoints of the development PKI for relying parties: its root certificate, a fresh CRL and an OCSP
 * responder (RFC 6960, POST and GET forms).
 */
@RestController
@Tag(name = "PKI", description = "Development PKI: root certificate, revocation list and OCSP responder")
class PkiController {

    static final String CRL_PATH = "/pki/dev-root-ca.crl";
    static final String OCSP_PATH = "/pki/ocsp";
    private static final MediaType OCSP_RESPONSE = MediaType.parseMediaType("application/ocsp-response");

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

    @PostMapping(value = OCSP_PATH, consumes = "application/ocsp-request", produces = "application/ocsp-response")
    @Operation(summary = "OCSP responder of the development root CA (RFC 6960)")
    ResponseEntity<byte[]> ocsp(@RequestBody byte[] request) {
        return ResponseEntity.ok().contentType(OCSP_RESPONSE).body(pki.ocspResponse(request));
    }

    @GetMapping(value = OCSP_PATH + "/{request}", produces = "application/ocsp-response")
    @Operation(summary = "OCSP responder, GET form: the DER request in URL-safe or standard Base64 (RFC 6960, A.1)")
    ResponseEntity<byte[]> ocspGet(@PathVariable String request) {
        byte[] der;
        try {
            String standard = URLDecoder.decode(request, StandardCharsets.US_ASCII);
            der = standard.contains("-") || standard.contains("_") ? Base64.getUrlDecoder().decode(standard)
                    : Base64.getDecoder().decode(standard);
        } catch (IllegalArgumentException e) {
            der = new byte[0]; // answered as malformedRequest by the responder
        }
        return ResponseEntity.ok().contentType(OCSP_RESPONSE).body(pki.ocspResponse(der));
    }

    @GetMapping(value = "/pki/dev-root-ca.pem", produces = "application/x-pem-file")
    @Operation(summary = "Root certificate of the development PKI (trust anchor for development copies)")
    ResponseEntity<byte[]> root() throws IOException {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-pem-file"))
                .body(Files.readAllBytes(pki.rootPemFile()));
    }
}
