package vn.sohoa.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** Outbound requests against a server on this machine's loopback only (allowed by name, as tests must). */
class OutboundHttpTest {

    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/small", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(200, 5);
            exchange.getResponseBody().write("hello".getBytes());
            exchange.close();
        });
        server.createContext("/huge", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(200, 0); // chunked, no length to trust
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] block = new byte[64 * 1024];
                for (int i = 0; i < 1024; i++) {
                    out.write(block);
                }
            } catch (IOException cutOff) {
                // the client hung up, as it should
            }
        });
        server.createContext("/slow", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 50; i++) { // a byte every 100 ms: each read is quick, the whole is not
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException cutOff) {
                // the client hung up
            }
        });
        server.createContext("/redirect", exchange -> {
            calls.incrementAndGet();
            exchange.getResponseHeaders().add("Location", base + "/small");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private OutboundHttp http(List<String> allowed) {
        return new OutboundHttp(new OutboundPolicy(allowed), Duration.ofSeconds(2), 100_000);
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    @Test
    void anAllowedTargetAnswers() throws Exception {
        OutboundHttp.Response answer = http(List.of("127.0.0.1:" + server.getAddress().getPort()))
                .send(get(base + "/small"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(new String(answer.body())).isEqualTo("hello");
    }

    @Test
    void anInsideTargetIsRefusedBeforeAnyConnection() {
        assertThatThrownBy(() -> http(List.of()).send(get(base + "/small")))
                .isInstanceOf(OutboundPolicy.RefusedException.class).hasMessageContaining("loopback");
        assertThat(calls).hasValue(0);
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        OutboundHttp.Response answer = http(List.of("127.0.0.1")).send(get(base + "/redirect"));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(calls).as("the redirect's target was not asked").hasValue(1);
    }

    @Test
    void aBodyBeyondTheCapIsCutOff() {
        assertThatThrownBy(() -> http(List.of("127.0.0.1")).send(get(base + "/huge")))
                .isInstanceOf(OutboundHttp.TooLargeException.class).hasMessageContaining("100000");
    }

    @Test
    void aTrickleOfBytesMeetsTheWholeExchangesDeadline() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> http(List.of("127.0.0.1")).send(get(base + "/slow")))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void everyExchangeIsReportedWithItsPurposeAndHowItEnded() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        OutboundHttp observed = new OutboundHttp(new OutboundPolicy(List.of("127.0.0.1")), Duration.ofSeconds(2),
                100_000, OutboundHttp.Purpose.OTHER, (purpose, took, outcome) -> {
                    assertThat(took).isPositive();
                    seen.add(purpose + " " + outcome);
                }).forPurpose(OutboundHttp.Purpose.OCSP);
        observed.send(get(base + "/small"));
        observed.send(get(base + "/redirect"));
        assertThatThrownBy(() -> observed.send(get(base + "/huge"))).isInstanceOf(OutboundHttp.TooLargeException.class);
        assertThatThrownBy(() -> observed.send(get(base + "/slow"))).isInstanceOf(HttpTimeoutException.class);
        assertThatThrownBy(() -> observed.send(get("http://10.0.0.1/x")))
                .isInstanceOf(OutboundPolicy.RefusedException.class);
        assertThat(seen).containsExactly("OCSP OK", "OCSP ERROR_STATUS", "OCSP TOO_LARGE", "OCSP TIMEOUT",
                "OCSP REFUSED");
    }
}
