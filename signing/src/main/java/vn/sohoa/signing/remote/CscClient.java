package vn.sohoa.signing.remote;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.sohoa.core.net.OutboundHttp;
import vn.sohoa.core.net.OutboundPolicy;
import vn.sohoa.signing.keys.SigningException;

/**
 * A client of a remote signing service speaking the Cloud Signature Consortium API v2 (credentials/list,
 * credentials/info, credentials/authorize, signatures/signHash): the key stays with the service, only hashes go
 * there. The bearer token comes from the service's own login (OAuth 2.0 or auth/login) through {@code accessToken}.
 * The PIN is sent once, to authorize, and not kept.
 */
public final class CscClient {

    /** SHA-256 (hashAlgorithmOID) and RSA PKCS#1 v1.5 (signAlgo), what PAdES signatures here use. */
    public static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    public static final String RSA = "1.2.840.113549.1.1.1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUrl;
    private final Supplier<String> accessToken;
    /** CSC answers (credential lists with chains, signatures) stay well under this. */
    static final long MAX_ANSWER_BYTES = 1024 * 1024;

    private final Duration timeout;
    private final OutboundHttp http;

    /**
     * @param baseUrl the API root, e.g. https://rs.example.vn/csc/v2
     * @param http    the outbound policy the service's address is judged by; its deadline bounds each call
     */
    public CscClient(URI baseUrl, Supplier<String> accessToken, OutboundHttp http) {
        this.baseUrl = baseUrl;
        this.accessToken = accessToken;
        this.timeout = http.deadline();
        this.http = http.withLimits(timeout, MAX_ANSWER_BYTES).forPurpose(OutboundHttp.Purpose.REMOTE_SIGNING);
    }

    /** A credential: its certificate chain (signer first) and how it is authorized. */
    public record CredentialInfo(String credentialId, List<X509Certificate> chain, String authMode,
                                 List<String> keyAlgorithms) {
    }

    public List<String> listCredentials(String userId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (userId != null) {
            body.put("userID", userId);
        }
        List<String> ids = new ArrayList<>();
        call("credentials/list", body).path("credentialIDs").forEach(id -> ids.add(id.asString()));
        return ids;
    }

    public CredentialInfo info(String credentialId) {
        JsonNode info = call("credentials/info", Map.of("credentialID", credentialId, "certificates", "chain",
                "certInfo", false));
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (JsonNode encoded : info.path("cert").path("certificates")) {
                chain.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(encoded.asString()))));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new SigningException("the remote signing service sent an unreadable certificate for credential "
                    + credentialId + ": " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new SigningException("the remote signing service sent no certificate for credential "
                    + credentialId);
        }
        List<String> algorithms = new ArrayList<>();
        info.path("key").path("algo").forEach(algorithm -> algorithms.add(algorithm.asString()));
        return new CredentialInfo(credentialId, chain, info.path("authMode").asString("explicit"), algorithms);
    }

    /** Signature activation data for exactly these hashes (credentials/authorize with a PIN, explicit mode). */
    public String authorize(String credentialId, List<byte[]> hashes, char[] pin) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("credentialID", credentialId);
        body.put("numSignatures", hashes.size());
        body.put("hashes", encode(hashes));
        body.put("hashAlgorithmOID", SHA256);
        if (pin != null) {
            body.put("authData", List.of(Map.of("id", "PIN", "value", new String(pin))));
        }
        String sad = call("credentials/authorize", body).path("SAD").asString("");
        if (sad.isEmpty()) {
            throw new SigningException("the remote signing service granted no signature activation data");
        }
        return sad;
    }

    /** PKCS#1 v1.5 signature values of SHA-256 hashes (signatures/signHash). */
    public List<byte[]> signHash(String credentialId, String sad, List<byte[]> hashes) {
        JsonNode answer = call("signatures/signHash", Map.of("credentialID", credentialId, "SAD", sad,
                "hashes", encode(hashes), "hashAlgorithmOID", SHA256, "signAlgo", RSA));
        List<byte[]> signatures = new ArrayList<>();
        for (JsonNode value : answer.path("signatures")) {
            signatures.add(Base64.getDecoder().decode(value.asString()));
        }
        if (signatures.size() != hashes.size()) {
            throw new SigningException("the remote signing service returned " + signatures.size()
                    + " signatures for " + hashes.size() + " hashes");
        }
        return signatures;
    }

    private static List<String> encode(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }

    private JsonNode call(String method, Map<String, Object> body) {
        URI uri = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/" + method);
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + accessToken.get())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            OutboundHttp.Response response = http.send(request);
            String text = new String(response.body(), StandardCharsets.UTF_8);
            if (response.status() != 200) {
                // CSC errors are {"error": "...", "error_description": "..."}; the body never holds our PIN
                String description = text;
                try {
                    JsonNode error = JSON.readTree(text);
                    description = error.path("error").asString("") + ": "
                            + error.path("error_description").asString("");
                } catch (JacksonException notJson) {
                    // keep the raw body as the description
                }
                throw new RemoteSigningRefusedException(method, response.status(), description);
            }
            return JSON.readTree(text);
        } catch (IOException | JacksonException | OutboundPolicy.RefusedException e) {
            throw new SigningException("cannot reach the remote signing service at " + uri + ": " + e.getMessage(), e);
        }
    }
}
