package vn.sohoa.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.pades.PadesSigner;
import vn.sohoa.signing.revocation.RevocationFetcher;
import vn.sohoa.signing.revocation.ValidationDataCollector;
import vn.sohoa.signing.tsa.LocalTimestampAuthority;

/**
 * A development PKI whose CRL and OCSP responder answer over real HTTP on 127.0.0.1, as the service publishes them,
 * for tests of the signing module alone.
 */
public final class PkiServer implements AutoCloseable {

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService workers =
            java.util.concurrent.Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "pki-server");
                thread.setDaemon(true);
                return thread;
            });
    private final DevelopmentPki pki;

    public PkiServer(Path directory) throws IOException {
        // the JDK server otherwise waits on Nagle's algorithm: ~40 ms per small answer on loopback
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        pki = DevelopmentPki.openOrCreate(directory,
                new DevelopmentPki.Endpoints(base + "/dev-root-ca.crl", base + "/ocsp"));
        server.createContext("/dev-root-ca.crl", exchange -> answer(exchange, "application/pkix-crl",
                pki.currentCrl()));
        server.createContext("/ocsp", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            answer(exchange, "application/ocsp-response", pki.ocspResponse(request));
        });
        server.setExecutor(workers);
        server.start();
    }

    public String crlUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/dev-root-ca.crl";
    }

    public DevelopmentPki pki() {
        return pki;
    }

    /** A signer time-stamping with the development TSA and fetching validation data from this server. */
    public PadesSigner signer() {
        return new PadesSigner(new LocalTimestampAuthority(pki.timeStampingKey()),
                new ValidationDataCollector(new RevocationFetcher(Duration.ofSeconds(10))));
    }

    private static void answer(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
