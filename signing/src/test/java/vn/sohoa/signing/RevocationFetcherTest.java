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
            RevocationFetcher cached = new RevocationFetcher(LoopbackOutbound.http(), Duration.ofMillis(600), java.time.Clock.systemUTC());
            RevocationFetcher fresh = new RevocationFetcher(LoopbackOutbound.http());

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
            RevocationFetcher fetcher = new RevocationFetcher(LoopbackOutbound.http());

            assertThat(fetcher.check(other, pki.rootCertificate()).kind()).isEqualTo(RevocationEvidence.Kind.CRL);
            pki.revoke(other, Instant.now().minusSeconds(1), DevelopmentPki.RevocationReason.KEY_COMPROMISE);
            assertThatThrownBy(() -> new RevocationFetcher(LoopbackOutbound.http()).check(other,
                    pki.rootCertificate())).isInstanceOf(CertificateRevokedException.class)
                    .hasMessageContaining("CRL");
        }
    }

    /** A CA certificate made by anyone, naming an OCSP responder at {@code ocspUrl}. */
    static java.security.cert.X509Certificate selfMadeCa(String name, java.security.KeyPair keys,
                                                        java.security.KeyPair issuerKeys, String issuerName,
                                                        String ocspUrl) throws Exception {
        var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
                new javax.security.auth.x500.X500Principal("CN=" + issuerName), java.math.BigInteger.valueOf(7),
                java.util.Date.from(Instant.now().minusSeconds(60)), java.util.Date.from(Instant.now().plusSeconds(3600)),
                new javax.security.auth.x500.X500Principal("CN=" + name), keys.getPublic());
        builder.addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                new org.bouncycastle.asn1.x509.BasicConstraints(true));
        builder.addExtension(org.bouncycastle.asn1.x509.Extension.authorityInfoAccess, false,
                new org.bouncycastle.asn1.x509.AuthorityInformationAccess(
                        org.bouncycastle.asn1.x509.AccessDescription.id_ad_ocsp,
                        new org.bouncycastle.asn1.x509.GeneralName(
                                org.bouncycastle.asn1.x509.GeneralName.uniformResourceIdentifier, ocspUrl)));
        var signer = new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
                .build(issuerKeys.getPrivate());
        return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    @Test
    void certificatesOffTheTrustedPathGetNoRevocationRequestAndLoopbackNeedsTheAllowList() throws Exception {
        // a listener on loopback that counts who comes: the self-made CA's "responder"
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer listener = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            asked.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        listener.start();
        try (PkiServer server = new PkiServer(pkiDir)) {
            DevelopmentPki pki = server.pki();
            var holder = pki.issueOrLoad("holder.p12", "Vũ Thị Hoa", "UBND xã Hòa Phong",
                    DevelopmentPki.Purpose.PERSONAL_SIGNATURE).certificate();
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var rootKeys = generator.generateKeyPair();
            var intermediateKeys = generator.generateKeyPair();
            String responder = "http://127.0.0.1:" + listener.getAddress().getPort() + "/ocsp";
            var selfMadeRoot = selfMadeCa("Self-made Root", rootKeys, rootKeys, "Self-made Root", responder);
            var selfMadeIntermediate = selfMadeCa("Self-made CA", intermediateKeys, rootKeys, "Self-made Root",
                    responder);

            // the certifier's chain with extra certificates of its own making: only the path to the trusted root
            // is asked about, the self-made CA's responder never
            var collector = new vn.sohoa.signing.revocation.ValidationDataCollector(
                    new RevocationFetcher(LoopbackOutbound.http()), java.util.List.of(pki.rootCertificate()));
            var data = collector.collect(java.util.List.of(holder, pki.rootCertificate(), selfMadeIntermediate,
                    selfMadeRoot));
            assertThat(data.evidence()).isNotEmpty();
            assertThat(asked).as("requests to the self-made CA's responder").hasValue(0);
            // a chain that leads to no trusted root is refused before anything is asked or signed
            assertThatThrownBy(() -> collector.requireNotRevoked(java.util.List.of(selfMadeIntermediate,
                    selfMadeRoot))).hasMessageContaining("trusted root");
            assertThat(asked).hasValue(0);

            // and the outbound policy itself: a responder on loopback that no allow-list names is not reached
            var unlisted = new RevocationFetcher(new vn.sohoa.core.net.OutboundHttp(
                    new vn.sohoa.core.net.OutboundPolicy(java.util.List.of()), Duration.ofSeconds(5), 1 << 20));
            assertThatThrownBy(() -> unlisted.check(selfMadeIntermediate, selfMadeRoot))
                    .hasMessageContaining("outbound policy");
            assertThat(asked).hasValue(0);
        } finally {
            listener.stop(0);
        }
    }
}
