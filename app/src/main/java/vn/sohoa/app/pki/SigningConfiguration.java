package vn.sohoa.app.pki;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import vn.sohoa.app.config.PublicBaseUrl;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.core.net.OutboundHttp;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.keys.SigningException;
import vn.sohoa.signing.pades.PadesSigner;
import vn.sohoa.signing.remote.CscClient;
import vn.sohoa.signing.revocation.RevocationFetcher;
import vn.sohoa.signing.revocation.ValidationDataCollector;
import vn.sohoa.signing.tsa.HttpTimestampAuthority;
import vn.sohoa.signing.tsa.LocalTimestampAuthority;
import vn.sohoa.signing.tsa.TimestampAuthority;
import vn.sohoa.signing.verify.SignatureVerifier;

/** Keys, time-stamping, the statement stamp, the PAdES signer and the verifier. */
@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    @Bean
    PublicBaseUrl publicBaseUrl(SohoaProperties properties, Environment environment) {
        String base = properties.publicBaseUrl();
        if (base == null || base.isBlank()) {
            base = "http://localhost:" + environment.getProperty("server.port", "8080");
        }
        return new PublicBaseUrl(base);
    }

    @Bean
    DevelopmentPki developmentPki(SohoaProperties properties, PublicBaseUrl base, Clock clock) {
        return DevelopmentPki.openOrCreate(properties.home().resolve("pki"), new DevelopmentPki.Endpoints(
                base + PkiController.CRL_PATH, base + PkiController.OCSP_PATH), clock);
    }

    @Bean
    TimestampAuthority timestampAuthority(SohoaProperties properties, DevelopmentPki pki, Clock clock,
                                          OutboundHttp outbound) {
        String url = properties.signing().tsaUrl();
        if (url != null && !url.isBlank()) {
            return new HttpTimestampAuthority(URI.create(url), outbound.withDeadline(Duration.ofSeconds(20)));
        }
        return new LocalTimestampAuthority(pki.timeStampingKey(), clock);
    }

    @Bean
    PadesSigner padesSigner(TimestampAuthority timestampAuthority, SohoaProperties properties, Clock clock,
                            OutboundHttp outbound, SignatureVerifier verifier) {
        return new PadesSigner(timestampAuthority, new ValidationDataCollector(
                new RevocationFetcher(outbound.withDeadline(properties.signing().revocationTimeout()),
                        properties.signing().revocationMaxAge(), clock), verifier.trustAnchors()));
    }

    /** The remote signing service of certifiers, when one is configured (sohoa.signing.remote.base-url). */
    @Bean
    RemoteSigning remoteSigning(SohoaProperties properties, SignatureVerifier verifier,
                                Clock clock, OutboundHttp outbound) {
        SohoaProperties.Remote remote = properties.signing().remote();
        if (!remote.enabled()) {
            return RemoteSigning.NONE;
        }
        Supplier<String> token = () -> {
            if (remote.accessTokenFile() != null) {
                try {
                    return Files.readString(remote.accessTokenFile()).strip();
                } catch (IOException e) {
                    throw new SigningException("cannot read the remote signing token file "
                            + remote.accessTokenFile(), e);
                }
            }
            return remote.accessToken() == null ? "" : remote.accessToken();
        };
        return new RemoteSigning(new CscClient(URI.create(remote.baseUrl()), token,
                outbound.withDeadline(remote.timeout())), chain -> verifier.requireTrusted(chain, clock.instant()));
    }

    @Bean
    SigningKeys signingKeys(SohoaProperties properties, DevelopmentPki pki) {
        return new SigningKeys(properties.signing(), pki);
    }

    @Bean
    SignatureVerifier signatureVerifier(SohoaProperties properties, DevelopmentPki pki, Clock clock)
            throws IOException {
        List<X509Certificate> anchors = new ArrayList<>();
        if (properties.signing().keys() == SohoaProperties.KeySource.DEVELOPMENT) {
            anchors.add(pki.rootCertificate());
        }
        for (Path pem : properties.signing().trustAnchors()) {
            anchors.addAll(readCertificates(pem));
        }
        return new SignatureVerifier(anchors, clock);
    }

    private static List<X509Certificate> readCertificates(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IOException("not a certificate file: " + pem, e);
        }
    }

}
