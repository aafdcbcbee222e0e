package vn.sohoa.app.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import vn.sohoa.core.net.OutboundHttp;
import vn.sohoa.core.net.OutboundPolicy;

/**
 * The first {@link CitizenDataStore}: {@code POST} of one JSON document to the configured connector endpoint with the
 * system's bearer credential — the copy (Base64) and its metadata: the requester's identification number and name,
 * the paper's title, the register number and book, the agency, the time and the SHA-256. A 2xx answer files it;
 * anything else is an error, and the job tries again. The contract is documented in the README for the one-stop
 * system's or the portal's connector.
 */
final class HttpCitizenDataStore implements CitizenDataStore {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final String token;
    private final OutboundHttp http;

    /** @param http the outbound policy the connector's address is judged by (allow it if it is inside) */
    HttpCitizenDataStore(URI endpoint, String token, OutboundHttp http) {
        this.endpoint = endpoint;
        this.token = token;
        this.http = http.withLimits(TIMEOUT, 64 * 1024).forPurpose(OutboundHttp.Purpose.CITIZEN_DATA_STORE); // the answer is read only for its status
    }

    @Override
    public void file(CopyForCitizen copy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificationId", copy.certificationId());
        body.put("citizenIdNumber", copy.citizenIdNumber());
        body.put("idType", copy.idType());
        body.put("citizenName", copy.citizenName());
        body.put("paperTitle", copy.paperTitle());
        body.put("registerNumber", copy.registerNumber());
        body.put("book", copy.book());
        body.put("agencyCode", copy.agencyCode());
        body.put("agencyName", copy.agencyName());
        body.put("certifiedAt", copy.certifiedAt());
        body.put("sha256", copy.sha256());
        body.put("contentType", "application/pdf");
        body.put("pdf", Base64.getEncoder().encodeToString(copy.pdf()));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("User-Agent", "Sohoa-Delivery/1")
                // the connector files each copy once, whatever the retries
                .header("Idempotency-Key", copy.certificationId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        int status;
        try {
            status = http.send(request.build()).status();
        } catch (IOException e) {
            throw new IllegalStateException("the portal connector at " + endpoint.getHost() + " is unreachable: "
                    + e.getClass().getSimpleName(), e);
        } catch (OutboundPolicy.RefusedException e) {
            throw new IllegalStateException("the portal connector's address is refused by the outbound policy: "
                    + e.getMessage(), e);
        }
        if (status < 200 || status >= 300) {
            throw new IllegalStateException("the portal connector at " + endpoint.getHost() + " answered HTTP "
                    + status);
        }
    }
}
