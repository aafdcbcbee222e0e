package vn.sohoa.signer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The desk's signing agent: an HTTP server on 127.0.0.1 only, on a fixed port, that answers only the Sohoa origins it
 * is configured for. A page first pairs ({@code POST /v1/pair}, which the user allows), then lists the token's
 * certificates ({@code GET /v1/certificates}) and asks for signatures ({@code POST /v1/sign}: a SHA-256 digest and
 * what it is for, shown to the user before the token's PIN; {@code POST /v1/sign-batch}: several such items, shown as
 * one list and answered once, each signed on its own). Browsers call it cross-origin from the Sohoa page, so it
 * answers CORS preflights (and Private Network Access's) for the configured origins and refuses all others.
 */
public final class SigningAgent implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The most papers one batch signs: a certifier's queue for a session, not a mass-signing channel. */
    static final int MAX_BATCH = 50;

    private final HttpServer server;
    private final Set<String> origins;
    private final TokenAccess token;
    private final UserConsent consent;
    /** Pairing tokens by origin, for this run of the agent. */
    private final Map<String, String> paired = new ConcurrentHashMap<>();

    /**
     * @param port    the fixed port the pages look for
     * @param origins the Sohoa servers' public URLs, e.g. {@code https://sohoa.hoaphong.gov.vn}
     */
    public SigningAgent(int port, Set<String> origins, TokenAccess token, UserConsent consent) throws IOException {
        this.origins = Set.copyOf(origins);
        this.token = token;
        this.consent = consent;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        // one request at a time: one token, one person answering prompts
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if (origin == null || !origins.contains(origin)) {
                send(exchange, 403, null, error(SignerException.Kind.FORBIDDEN_ORIGIN, "this agent answers only "
                        + "the Sohoa servers it is configured for"));
                return;
            }
            var headers = exchange.getResponseHeaders();
            headers.set("Access-Control-Allow-Origin", origin);
            headers.set("Vary", "Origin");
            if (exchange.getRequestMethod().equals("OPTIONS")) {
                headers.set("Access-Control-Allow-Methods", "GET, POST");
                headers.set("Access-Control-Allow-Headers", "Authorization, Content-Type");
                headers.set("Access-Control-Max-Age", "600");
                if ("true".equals(exchange.getRequestHeaders().getFirst("Access-Control-Request-Private-Network"))) {
                    // Private Network Access: a public page may reach this loopback agent
                    headers.set("Access-Control-Allow-Private-Network", "true");
                }
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            Object answer = switch (route) {
                case "POST /v1/pair" -> pair(origin);
                case "GET /v1/certificates" -> certificates(requirePaired(exchange, origin));
                case "POST /v1/sign" -> sign(requirePaired(exchange, origin), exchange);
                case "POST /v1/sign-batch" -> signBatch(requirePaired(exchange, origin), exchange);
                default -> throw new SignerException(SignerException.Kind.BAD_REQUEST, "no such call: " + route);
            };
            send(exchange, 200, origin, answer);
        } catch (SignerException e) {
            send(exchange, e.kind().status(), null, error(e.kind(), e.getMessage()));
        } catch (RuntimeException e) {
            send(exchange, 400, null, error(SignerException.Kind.BAD_REQUEST, "bad request: " + e.getMessage()));
        } finally {
            exchange.close();
        }
    }

    private Map<String, Object> pair(String origin) {
        if (!consent.allowPairing(origin)) {
            throw new SignerException(SignerException.Kind.REFUSED_BY_USER, "the user did not allow " + origin);
        }
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String pairingToken = HexFormat.of().formatHex(secret);
        paired.put(origin, pairingToken);
        return Map.of("pairingToken", pairingToken);
    }

    private String requirePaired(HttpExchange exchange, String origin) {
        String expected = paired.get(origin);
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        if (expected == null || given == null || !MessageDigest.isEqual(
                ("Bearer " + expected).getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII))) {
            throw new SignerException(SignerException.Kind.NOT_PAIRED, "pair first (POST /v1/pair), then send "
                    + "Authorization: Bearer <pairingToken>");
        }
        return origin;
    }

    private List<Map<String, Object>> certificates(String origin) {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (TokenAccess.TokenCertificate entry : token.certificates()) {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("fingerprint", entry.fingerprint());
            shown.put("subject", entry.certificate().getSubjectX500Principal().getName());
            shown.put("issuer", entry.certificate().getIssuerX500Principal().getName());
            shown.put("notAfter", entry.certificate().getNotAfter().toInstant().toString());
            shown.put("keyAlgorithm", entry.certificate().getPublicKey().getAlgorithm());
            try {
                shown.put("certificate", Base64.getEncoder().encodeToString(entry.certificate().getEncoded()));
                // what Sohoa's two-step signing asks for: the signer's certificate first, then its issuers
                List<String> chain = new ArrayList<>();
                for (var each : entry.chain()) {
                    chain.add(Base64.getEncoder().encodeToString(each.getEncoded()));
                }
                shown.put("certificateChain", chain);
            } catch (CertificateEncodingException e) {
                throw new SignerException(SignerException.Kind.TOKEN_ABSENT, "unreadable certificate on the token");
            }
            listed.add(shown);
        }
        return listed;
    }

    private Map<String, Object> sign(String origin, HttpExchange exchange) throws IOException {
        return signAll(origin, List.of(JSON.readTree(exchange.getRequestBody().readAllBytes()))).get(0);
    }

    private Map<String, Object> signBatch(String origin, HttpExchange exchange) throws IOException {
        JsonNode items = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("items");
        if (!items.isArray() || items.isEmpty() || items.size() > MAX_BATCH) {
            throw new SignerException(SignerException.Kind.BAD_REQUEST, "items: 1 to " + MAX_BATCH
                    + " papers to sign");
        }
        List<JsonNode> each = new ArrayList<>();
        items.forEach(each::add);
        return Map.of("signatures", signAll(origin, each));
    }

    /** Checks every item, asks the user once for all of them, then signs each digest with its own key. */
    private List<Map<String, Object>> signAll(String origin, List<JsonNode> items) {
        List<TokenAccess.TokenCertificate> onToken = token.certificates();
        List<TokenAccess.TokenCertificate> keys = new ArrayList<>();
        List<byte[]> digests = new ArrayList<>();
        List<UserConsent.SigningSummary> summaries = new ArrayList<>();
        for (JsonNode body : items) {
            String fingerprint = text(body, "fingerprint");
            try {
                digests.add(Base64.getDecoder().decode(text(body, "digest")));
            } catch (IllegalArgumentException e) {
                throw new SignerException(SignerException.Kind.BAD_REQUEST, "digest is not Base64");
            }
            TokenAccess.TokenCertificate chosen = onToken.stream()
                    .filter(entry -> entry.fingerprint().equals(fingerprint)).findFirst()
                    .orElseThrow(() -> new SignerException(SignerException.Kind.NO_SUCH_CERTIFICATE, "no certificate "
                            + fingerprint + " on the token"));
            keys.add(chosen);
            JsonNode what = body.path("summary");
            summaries.add(new UserConsent.SigningSummary(origin, what.path("dossierCode").asString(""),
                    what.path("paperTitle").asString(""), what.path("registerNumber").asLong(0),
                    what.path("pageCount").asInt(0), what.path("documentSha256").asString(""),
                    chosen.certificate().getSubjectX500Principal().getName()));
        }
        if (!consent.allowSignatures(List.copyOf(summaries))) {
            throw new SignerException(SignerException.Kind.REFUSED_BY_USER, "the user did not sign");
        }
        List<Map<String, Object>> signed = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            byte[] value = token.signDigest(keys.get(i).fingerprint(), digests.get(i));
            signed.add(Map.of("signatureValue", Base64.getEncoder().encodeToString(value), "algorithm",
                    keys.get(i).certificate().getPublicKey().getAlgorithm().equals("RSA")
                            ? "RSASSA-PKCS1-v1_5 SHA-256" : "ECDSA SHA-256 (DER)"));
        }
        return signed;
    }

    private static String text(JsonNode body, String field) {
        String value = body.path(field).asString(null);
        if (value == null || value.isBlank()) {
            throw new SignerException(SignerException.Kind.BAD_REQUEST, field + " is required");
        }
        return value;
    }

    private static Map<String, Object> error(SignerException.Kind kind, String message) {
        return Map.of("error", kind.name(), "detail", message);
    }

    private static void send(HttpExchange exchange, int status, String origin, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
