package vn.sohoa.signing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.pades.PadesSigner;
import vn.sohoa.signing.revocation.RevocationFetcher;
import vn.sohoa.signing.revocation.ValidationDataCollector;
import vn.sohoa.signing.tsa.LocalTimestampAuthority;
import vn.sohoa.testkit.LoopbackHttpServer;
import vn.sohoa.testkit.LoopbackHttpServer.Response;

/**
 * A development PKI whose CRL and OCSP responder answer over real HTTP on 127.0.0.1, as the service publishes them,
 * for tests of the signing module alone.
 */
public final class PkiServer implements AutoCloseable {

    /** The clock the PKI signs, answers and time-stamps by; judges validate at its time. */
    private final Clock clock = Clock.systemUTC();
    private final LoopbackHttpServer server;
    private final DevelopmentPki pki;

    public PkiServer(Path directory) throws IOException {
        server = new LoopbackHttpServer();
        pki = DevelopmentPki.openOrCreate(directory,
                new DevelopmentPki.Endpoints(server.url("/dev-root-ca.crl"), server.url("/ocsp")), clock);
        server.route("/dev-root-ca.crl", request -> Response.ok("application/pkix-crl", pki.currentCrl()))
                .route("/ocsp", request -> Response.ok("application/ocsp-response", pki.ocspResponse(request.body())));
    }

    public String crlUrl() {
        return server.url("/dev-root-ca.crl");
    }

    public Clock clock() {
        return clock;
    }

    public DevelopmentPki pki() {
        return pki;
    }

    /** A signer time-stamping with the development TSA and fetching validation data from this server. */
    public PadesSigner signer() {
        return new PadesSigner(new LocalTimestampAuthority(pki.timeStampingKey()),
                new ValidationDataCollector(new RevocationFetcher(LoopbackOutbound.http()),
                        List.of(pki.rootCertificate())));
    }

    @Override
    public void close() {
        server.close();
    }
}
