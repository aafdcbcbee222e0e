package vn.sohoa.app.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

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
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final URI endpoint;
    private final String token;

    HttpCitizenDataStore(URI endpoint, String token) {
        this.endpoint = endpoint;
        this.token = token;
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
            status = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("the portal connector at " + endpoint.getHost() + " is unreachable: "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while filing copy " + copy.certificationId(), e);
        }
        if (status < 200 || status >= 300) {
            throw new IllegalStateException("the portal connector at " + endpoint.getHost() + " answered HTTP "
                    + status);
        }
    }
}
