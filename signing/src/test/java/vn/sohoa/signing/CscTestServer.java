package vn.sohoa.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.sohoa.signing.keys.SigningKey;

/**
 * A stand-in for a remote signing service (VNPT SmartCA, Viettel MySign and the like cannot run here): the four
 * CSC API v2 methods Sohoa uses, over real HTTP on 127.0.0.1, written from the CSC specification. One credential,
 * explicit authorization with a PIN, signature activation data bound to the authorized hashes, bearer token checked.
 */
public final class CscTestServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, List<String>> grants = new ConcurrentHashMap<>();

    public CscTestServer(String accessToken, String credentialId, SigningKey key, String pin) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/csc/v2/", exchange -> {
            if (!("Bearer " + accessToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, Map.of("error", "invalid_token", "error_description", "unknown token"));
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String method = exchange.getRequestURI().getPath().substring("/csc/v2/".length());
            if (!method.equals("credentials/list") && !credentialId.equals(body.path("credentialID").asString(""))) {
                answer(exchange, 400, Map.of("error", "invalid_request", "error_description", "unknown credentialID"));
                return;
            }
            try {
                switch (method) {
                    case "credentials/list" -> answer(exchange, 200, Map.of("credentialIDs", List.of(credentialId)));
                    case "credentials/info" -> {
                        List<String> certificates = new ArrayList<>();
                        for (var certificate : key.chain()) {
                            certificates.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
                        }
                        answer(exchange, 200, Map.of("key", Map.of("status", "enabled",
                                "algo", List.of("1.2.840.113549.1.1.1"), "len", 3072),
                                "cert", Map.of("status", "valid", "certificates", certificates),
                                "authMode", "explicit", "multisign", 1));
                    }
                    case "credentials/authorize" -> {
                        String given = null;
                        for (JsonNode data : body.path("authData")) {
                            if (data.path("id").asString("").equals("PIN")) {
                                given = data.path("value").asString();
                            }
                        }
                        if (!pin.equals(given)) {
                            answer(exchange, 400, Map.of("error", "invalid_request",
                                    "error_description", "invalid PIN"));
                            return;
                        }
                        List<String> hashes = new ArrayList<>();
                        body.path("hashes").forEach(hash -> hashes.add(hash.asString()));
                        String sad = UUID.randomUUID().toString();
                        grants.put(sad, hashes);
                        answer(exchange, 200, Map.of("SAD", sad, "expiresIn", 300));
                    }
                    case "signatures/signHash" -> {
                        List<String> allowed = grants.remove(body.path("SAD").asString(""));
                        List<String> hashes = new ArrayList<>();
                        body.path("hashes").forEach(hash -> hashes.add(hash.asString()));
                        if (allowed == null || !allowed.equals(hashes)) {
                            answer(exchange, 400, Map.of("error", "invalid_request",
                                    "error_description", "SAD not valid for these hashes"));
                            return;
                        }
                        List<String> signatures = new ArrayList<>();
                        for (String hash : hashes) {
                            byte[] digestInfo = new DigestInfo(new AlgorithmIdentifier(
                                    NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE),
                                    Base64.getDecoder().decode(hash)).getEncoded("DER");
                            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                            rsa.init(Cipher.ENCRYPT_MODE, key.privateKey());
                            signatures.add(Base64.getEncoder().encodeToString(rsa.doFinal(digestInfo)));
                        }
                        answer(exchange, 200, Map.of("signatures", signatures));
                    }
                    default -> answer(exchange, 404, Map.of("error", "invalid_request"));
                }
            } catch (Exception e) {
                answer(exchange, 500, Map.of("error", "server_error", "error_description", String.valueOf(e)));
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/csc/v2";
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
