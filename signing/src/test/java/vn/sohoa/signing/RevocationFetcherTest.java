package vn.sohoa.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import vn.sohoa.core.net.OutboundHttp;
import vn.sohoa.core.net.OutboundPolicy;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.revocation.CertificateRevokedException;
import vn.sohoa.signing.revocation.RevocationEvidence;
import vn.sohoa.signing.revocation.RevocationFetcher;
import vn.sohoa.signing.revocation.ValidationDataCollector;

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
            RevocationFetcher cached = new RevocationFetcher(LoopbackOutbound.http(), Duration.ofMillis(600),
                    Clock.systemUTC());
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
    static X509Certificate selfMadeCa(String name, KeyPair keys,
                                                        KeyPair issuerKeys, String issuerName,
                                                        String ocspUrl) throws Exception {
        var builder = new JcaX509v3CertificateBuilder(
                new X500Principal("CN=" + issuerName), BigInteger.valueOf(7),
                Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plusSeconds(3600)),
                new X500Principal("CN=" + name), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        AccessDescription.id_ad_ocsp,
                        new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
        var signer = new JcaContentSignerBuilder("SHA256withRSA")
                .build(issuerKeys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    @Test
    void certificatesOffTheTrustedPathGetNoRevocationRequestAndLoopbackNeedsTheAllowList() throws Exception {
        // a listener on loopback that counts who comes: the self-made CA's "responder"
        AtomicInteger asked = new AtomicInteger();
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
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
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var rootKeys = generator.generateKeyPair();
            var intermediateKeys = generator.generateKeyPair();
            String responder = "http://127.0.0.1:" + listener.getAddress().getPort() + "/ocsp";
            var selfMadeRoot = selfMadeCa("Self-made Root", rootKeys, rootKeys, "Self-made Root", responder);
            var selfMadeIntermediate = selfMadeCa("Self-made CA", intermediateKeys, rootKeys, "Self-made Root",
                    responder);

            // the certifier's chain with extra certificates of its own making: only the path to the trusted root
            // is asked about, the self-made CA's responder never
            var collector = new ValidationDataCollector(
                    new RevocationFetcher(LoopbackOutbound.http()), List.of(pki.rootCertificate()));
            var data = collector.collect(List.of(holder, pki.rootCertificate(), selfMadeIntermediate, selfMadeRoot));
            assertThat(data.evidence()).isNotEmpty();
            assertThat(asked).as("requests to the self-made CA's responder").hasValue(0);
            // a chain that leads to no trusted root is refused before anything is asked or signed
            assertThatThrownBy(() -> collector.requireNotRevoked(List.of(selfMadeIntermediate,
                    selfMadeRoot))).hasMessageContaining("trusted root");
            assertThat(asked).hasValue(0);

            // and the outbound policy itself: a responder on loopback that no allow-list names is not reached
            var unlisted = new RevocationFetcher(new OutboundHttp(
                    new OutboundPolicy(List.of()), Duration.ofSeconds(5), 1 << 20));
            assertThatThrownBy(() -> unlisted.check(selfMadeIntermediate, selfMadeRoot))
                    .hasMessageContaining("outbound policy");
            assertThat(asked).hasValue(0);
        } finally {
            listener.stop(0);
        }
    }
}
