package vn.sohoa.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP server on 127.0.0.1 (never any other address) for the services tests stand up: a development PKI's
 * CRL and OCSP responder, a CSC remote-signing service. Each route answers a whole request with a whole response.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    /** What a route sees of a request. */
    public record Request(String method, String path, String authorization, byte[] body) {
    }

    /** What a route answers. */
    public record Response(int status, String contentType, byte[] body) {
        public static Response ok(String contentType, byte[] body) {
            return new Response(200, contentType, body);
        }
    }

    /** One route's answer to a request. */
    @FunctionalInterface
    public interface Route {
        Response answer(Request request) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "loopback-http");
        thread.setDaemon(true);
        return thread;
    });

    public LoopbackHttpServer() throws IOException {
        // the JDK server otherwise waits on Nagle's algorithm: ~40 ms per small answer on loopback
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(workers);
        server.start();
    }

    /** Answers requests whose path starts with {@code prefix}. */
    public LoopbackHttpServer route(String prefix, Route route) {
        server.createContext(prefix, exchange -> {
            try (exchange) {
                Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestBody().readAllBytes());
                send(exchange, route.answer(request));
            }
        });
        return this;
    }

    /** The absolute URL of {@code path} on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
