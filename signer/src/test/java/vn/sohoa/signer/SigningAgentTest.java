package vn.sohoa.signer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.keys.Pkcs11Token;
import vn.sohoa.testkit.FreePort;
import vn.sohoa.testkit.SoftHsm;

/**
 * The desk agent against a real PKCS#11 token (SoftHSM2) holding an officer's key and certificate, called the way the
 * Sohoa page in a browser calls it: with its Origin, a CORS preflight asking for Private Network Access, a pairing,
 * then signatures of digests. The user's answers (consent, PIN) are played by the test.
 */
class SigningAgentTest {

    static final String ORIGIN = "https://sohoa.hoaphong.example";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static X509Certificate certificate;
    static SigningAgent agent;
    static final AtomicInteger PIN_PROMPTS = new AtomicInteger();
    static final AtomicInteger CONSENTS = new AtomicInteger();
    static X509Certificate ecCertificate;
    static final AtomicBoolean USER_SIGNS = new AtomicBoolean(true);
    static final List<UserConsent.SigningSummary> SHOWN = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void officerWithATokenAtTheDesk() throws Exception {
        SoftHsm.Token token = SoftHsm.token("sohoa-signer");
        Pkcs11Token hsm = Pkcs11Token.open(token.module(), Pkcs11Token.Slot.id(token.slotId()),
                SoftHsm.PIN.toCharArray());
        DevelopmentPki pki = DevelopmentPki.openOrCreate(Files.createTempDirectory("signer-pki-"),
                new DevelopmentPki.Endpoints("http://127.0.0.1:9/crl", "http://127.0.0.1:9/ocsp"), Clock.systemUTC());
        KeyPair pair = hsm.generateRsaKeyPair(2048);
        certificate = pki.issueCertificate(pair.getPublic(), "Nguyễn Văn An", "UBND xã Hòa Phong",
                DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
        hsm.storeChain("officer-an", pair.getPrivate(), List.of(certificate, pki.rootCertificate()));
        // a second officer's token generation: an EC P-256 key
        KeyPair ec = hsm.generateEcKeyPair("secp256r1");
        ecCertificate = pki.issueCertificate(ec.getPublic(), "Trần Thị Ngọc", "UBND xã Hòa Phong",
                DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
        hsm.storeChain("officer-ngoc", ec.getPrivate(), List.of(ecCertificate, pki.rootCertificate()));

        TokenAccess access = new Pkcs11TokenAccess(token.module(), token.slotId(), prompt -> {
            PIN_PROMPTS.incrementAndGet();
            return SoftHsm.PIN.toCharArray();
        }, Duration.ofMinutes(5), Clock.systemUTC());
        agent = new SigningAgent(FreePort.pick(), Set.of(ORIGIN), access, new UserConsent() {
            @Override
            public boolean allowPairing(String origin) {
                return true;
            }

            @Override
            public boolean allowSignatures(List<SigningSummary> summaries) {
                CONSENTS.incrementAndGet();
                SHOWN.addAll(summaries);
                return USER_SIGNS.get();
            }
        });
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    static HttpResponse<String> call(String method, String path, String origin, String authorization, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSohoaPageMayCallThroughCorsAndPrivateNetworkAccessAndNoOtherOrigin() throws Exception {
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + agent.port() + "/v1/sign")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Private-Network", "true").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Private-Network")).contains("true");
        assertThat(preflight.headers().firstValue("Vary")).contains("Origin");

        for (String stranger : new String[]{"https://evil.example", null}) {
            HttpResponse<String> refused = call("POST", "/v1/pair", stranger, null, null);
            assertThat(refused.statusCode()).as("origin %s", stranger).isEqualTo(403);
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
        HttpResponse<String> unpaired = call("GET", "/v1/certificates", ORIGIN, "Bearer guess", null);
        assertThat(unpaired.statusCode()).isEqualTo(401);
    }

    @Test
    void aPairedPageListsTheTokensCertificatesAndSignsABatchWithOnePinEntry() throws Exception {
        String pairing = JSON.readTree(call("POST", "/v1/pair", ORIGIN, null, null).body()).get("pairingToken")
                .asString();
        String bearer = "Bearer " + pairing;
        JsonNode listed = JSON.readTree(call("GET", "/v1/certificates", ORIGIN, bearer, null).body());
        assertThat(listed).hasSize(2);
        JsonNode rsa = entry(listed, "Nguyễn Văn An");
        JsonNode ec = entry(listed, "Trần Thị Ngọc");
        assertThat(Base64.getDecoder().decode(rsa.get("certificate").asString())).isEqualTo(certificate.getEncoded());
        assertThat(rsa.get("certificateChain")).as("the certificate and the root it chains to").hasSize(2);
        assertThat(ec.get("keyAlgorithm").asString()).isEqualTo("EC");

        // one paper at a time, RSA then ECDSA, each shown before it is signed
        int promptsBefore = PIN_PROMPTS.get();
        for (JsonNode key : List.of(rsa, ec)) {
            byte[] signedAttributes = "signed attributes of copy 40".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> signed = call("POST", "/v1/sign", ORIGIN, bearer,
                    JSON.writeValueAsString(item(key, signedAttributes, 40)));
            assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
            assertVerifies(key, signedAttributes, JSON.readTree(signed.body()));
        }
        // the queue in one pass: one list shown, one answer, no new PIN, each paper its own signature
        int consentsBefore = CONSENTS.get();
        List<byte[]> batch = new ArrayList<>();
        List<Object> items = new ArrayList<>();
        for (long number = 41; number <= 45; number++) {
            byte[] signedAttributes = ("signed attributes of copy " + number).getBytes(StandardCharsets.UTF_8);
            batch.add(signedAttributes);
            items.add(item(number % 2 == 0 ? ec : rsa, signedAttributes, number));
        }
        HttpResponse<String> signed = call("POST", "/v1/sign-batch", ORIGIN, bearer,
                JSON.writeValueAsString(Map.of("items", items)));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        JsonNode signatures = JSON.readTree(signed.body()).get("signatures");
        assertThat(signatures).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertVerifies(i % 2 == 1 ? ec : rsa, batch.get(i), signatures.get(i));
        }
        assertThat(CONSENTS.get() - consentsBefore).as("one answer for the batch").isEqualTo(1);
        assertThat(PIN_PROMPTS.get() - promptsBefore).as("one PIN for everything").isLessThanOrEqualTo(1);
        assertThat(SHOWN).extracting(UserConsent.SigningSummary::registerNumber).contains(41L, 42L, 43L, 44L, 45L);
        assertThat(SHOWN.get(SHOWN.size() - 1).paperTitle()).isEqualTo("Giấy khai sinh");
        HttpResponse<String> tooMany = call("POST", "/v1/sign-batch", ORIGIN, bearer,
                JSON.writeValueAsString(Map.of("items", Collections.nCopies(
                        SigningAgent.MAX_BATCH + 1, items.get(0)))));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("1 to " + SigningAgent.MAX_BATCH);

        // the user says no: nothing is signed; an unknown certificate is named
        USER_SIGNS.set(false);
        try {
            HttpResponse<String> refused = call("POST", "/v1/sign", ORIGIN, bearer, "{\"fingerprint\":\""
                    + rsa.get("fingerprint").asString() + "\",\"digest\":\"" + Base64.getEncoder().encodeToString(new byte[32]) + "\"}");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("REFUSED_BY_USER");
        } finally {
            USER_SIGNS.set(true);
        }
        HttpResponse<String> unknown = call("POST", "/v1/sign", ORIGIN, bearer, "{\"fingerprint\":\"00\",\"digest\":\""
                + Base64.getEncoder().encodeToString(new byte[32]) + "\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    static JsonNode entry(JsonNode listed, String subject) {
        for (JsonNode each : listed) {
            if (each.get("subject").asString().contains(subject)) {
                return each;
            }
        }
        throw new AssertionError("no certificate of " + subject + " in " + listed);
    }

    static Map<String, Object> item(JsonNode key, byte[] signedAttributes, long number) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(signedAttributes);
        return Map.of("fingerprint", key.get("fingerprint").asString(), "digest",
                Base64.getEncoder().encodeToString(digest), "summary", Map.of("dossierCode",
                        "000.00.30.H42-261206-0001", "paperTitle", "Giấy khai sinh", "registerNumber", number,
                        "pageCount", 2, "documentSha256", "ab12"));
    }

    /** RSA: PKCS#1 v1.5 of the digest; EC: a DER ECDSA signature of it; both checked over the signed data. */
    static void assertVerifies(JsonNode key, byte[] signedAttributes, JsonNode answer) throws Exception {
        boolean rsa = key.get("keyAlgorithm").asString().equals("RSA");
        Signature verifier = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSA");
        verifier.initVerify(rsa ? certificate : ecCertificate);
        verifier.update(signedAttributes);
        assertThat(verifier.verify(Base64.getDecoder().decode(answer.get("signatureValue").asString())))
                .as("a signature of the digest by " + key.get("subject")).isTrue();
    }
}
