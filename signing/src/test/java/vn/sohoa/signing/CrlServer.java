package vn.sohoa.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;

/** Serves a CRL over real HTTP on 127.0.0.1, as the service does, for tests of the signing module alone. */
public final class CrlServer implements AutoCloseable {

    private final HttpServer server;

    public CrlServer(Supplier<byte[]> crl) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/dev-root-ca.crl", exchange -> {
            byte[] body = crl.get();
            exchange.getResponseHeaders().add("Content-Type", "application/pkix-crl");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/dev-root-ca.crl";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
