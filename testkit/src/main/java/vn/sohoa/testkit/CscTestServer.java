package vn.sohoa.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.sohoa.testkit.LoopbackHttpServer.Request;
import vn.sohoa.testkit.LoopbackHttpServer.Response;

/**
 * A stand-in for a remote signing service (VNPT SmartCA, Viettel MySign and the like cannot run here): the four
 * CSC API v2 methods Sohoa uses, over real HTTP on 127.0.0.1, written from the CSC specification. One credential,
 * explicit authorization with a PIN, signature activation data bound to the authorized hashes, bearer token checked.
 */
public final class CscTestServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PREFIX = "/csc/v2/";

    private final LoopbackHttpServer server;
    private final String accessToken;
    private final String credentialId;
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final String pin;
    private final Map<String, List<String>> grants = new ConcurrentHashMap<>();

    public CscTestServer(String accessToken, String credentialId, PrivateKey privateKey, List<X509Certificate> chain,
            String pin) throws IOException {
        this.accessToken = accessToken;
        this.credentialId = credentialId;
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
        this.pin = pin;
        server = new LoopbackHttpServer().route(PREFIX, this::answer);
    }

    public String baseUrl() {
        return server.url("/csc/v2");
    }

    private Response answer(Request request) {
        if (!("Bearer " + accessToken).equals(request.authorization())) {
            return json(401, Map.of("error", "invalid_token", "error_description", "unknown token"));
        }
        JsonNode body = JSON.readTree(request.body());
        String method = request.path().substring(PREFIX.length());
        if (!method.equals("credentials/list") && !credentialId.equals(body.path("credentialID").asString(""))) {
            return json(400, Map.of("error", "invalid_request", "error_description", "unknown credentialID"));
        }
        try {
            return switch (method) {
                case "credentials/list" -> json(200, Map.of("credentialIDs", List.of(credentialId)));
                case "credentials/info" -> info();
                case "credentials/authorize" -> authorize(body);
                case "signatures/signHash" -> signHash(body);
                default -> json(404, Map.of("error", "invalid_request"));
            };
        } catch (GeneralSecurityException | IOException e) {
            return json(500, Map.of("error", "server_error", "error_description", String.valueOf(e)));
        }
    }

    private Response info() throws GeneralSecurityException {
        List<String> certificates = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            certificates.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
        }
        int bits = ((RSAKey) privateKey).getModulus().bitLength();
        return json(200, Map.of("key", Map.of("status", "enabled", "algo", List.of("1.2.840.113549.1.1.1"),
                        "len", bits),
                "cert", Map.of("status", "valid", "certificates", certificates),
                "authMode", "explicit", "multisign", 1));
    }

    private Response authorize(JsonNode body) {
        String given = null;
        for (JsonNode data : body.path("authData")) {
            if (data.path("id").asString("").equals("PIN")) {
                given = data.path("value").asString();
            }
        }
        if (!pin.equals(given)) {
            return json(400, Map.of("error", "invalid_request", "error_description", "invalid PIN"));
        }
        String sad = UUID.randomUUID().toString();
        grants.put(sad, hashes(body));
        return json(200, Map.of("SAD", sad, "expiresIn", 300));
    }

    private Response signHash(JsonNode body) throws GeneralSecurityException, IOException {
        List<String> allowed = grants.remove(body.path("SAD").asString(""));
        List<String> hashes = hashes(body);
        if (allowed == null || !allowed.equals(hashes)) {
            return json(400, Map.of("error", "invalid_request", "error_description", "SAD not valid for these hashes"));
        }
        List<String> signatures = new ArrayList<>();
        for (String hash : hashes) {
            byte[] digestInfo = new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256,
                    DERNull.INSTANCE), Base64.getDecoder().decode(hash)).getEncoded("DER");
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.ENCRYPT_MODE, privateKey);
            signatures.add(Base64.getEncoder().encodeToString(rsa.doFinal(digestInfo)));
        }
        return json(200, Map.of("signatures", signatures));
    }

    private static List<String> hashes(JsonNode body) {
        List<String> hashes = new ArrayList<>();
        body.path("hashes").forEach(hash -> hashes.add(hash.asString()));
        return hashes;
    }

    private static Response json(int status, Object body) {
        return new Response(status, "application/json",
                JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }
}
