package vn.sohoa.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.revocation.CertificateRevokedException;
import vn.sohoa.signing.revocation.RevocationEvidence;
import vn.sohoa.signing.revocation.RevocationFetcher;

/** OCSP answers over HTTP from the development PKI, and how long a "good" answer is reused. */
class RevocationFetcherTest {

    @TempDir
    Path pkiDir;

    @Test
    void aGoodAnswerIsReusedForItsMaxAgeAndARevocationIsSeenAfterIt() throws Exception {
        try (PkiServer server = new PkiServer(pkiDir)) {
            DevelopmentPki pki = server.pki();
            var holder = pki.issueOrLoad("holder.p12", "Vũ Thị Hoa", "UBND xã Hòa Phong",
                    DevelopmentPki.Purpose.PERSONAL_SIGNATURE).certificate();
            RevocationFetcher cached = new RevocationFetcher(Duration.ofSeconds(5), Duration.ofMillis(600));
            RevocationFetcher fresh = new RevocationFetcher(Duration.ofSeconds(5));

            RevocationEvidence first = cached.check(holder, pki.rootCertificate());
            assertThat(first.kind()).isEqualTo(RevocationEvidence.Kind.OCSP_RESPONSE);
            pki.revoke(holder, Instant.now().minusSeconds(1), DevelopmentPki.RevocationReason.AFFILIATION_CHANGED);

            assertThat(cached.check(holder, pki.rootCertificate()).encoded()).isEqualTo(first.encoded());
            assertThatThrownBy(() -> fresh.check(holder, pki.rootCertificate()))
                    .isInstanceOf(CertificateRevokedException.class);
            Thread.sleep(700);
            assertThatThrownBy(() -> cached.check(holder, pki.rootCertificate()))
                    .isInstanceOf(CertificateRevokedException.class).hasMessageContaining("Vũ Thị Hoa");
        }
    }

    @Test
    void withoutAnOcspResponderTheCrlAnswersAndListsTheRevocation() throws Exception {
        try (PkiServer server = new PkiServer(pkiDir)) {
            DevelopmentPki pki = server.pki();
            // a PKI whose certificates name a CRL that answers and an OCSP responder that does not
            DevelopmentPki crlOnly = DevelopmentPki.openOrCreate(pkiDir, new DevelopmentPki.Endpoints(
                    server.crlUrl(), "http://127.0.0.1:9/ocsp"));
            var other = crlOnly.issueOrLoad("other.p12", "Đỗ Văn Nam", "UBND xã Hòa Phong",
                    DevelopmentPki.Purpose.PERSONAL_SIGNATURE).certificate();
            RevocationFetcher fetcher = new RevocationFetcher(Duration.ofSeconds(2));

            assertThat(fetcher.check(other, pki.rootCertificate()).kind()).isEqualTo(RevocationEvidence.Kind.CRL);
            pki.revoke(other, Instant.now().minusSeconds(1), DevelopmentPki.RevocationReason.KEY_COMPROMISE);
            assertThatThrownBy(() -> new RevocationFetcher(Duration.ofSeconds(2)).check(other,
                    pki.rootCertificate())).isInstanceOf(CertificateRevokedException.class)
                    .hasMessageContaining("CRL");
        }
    }
}
