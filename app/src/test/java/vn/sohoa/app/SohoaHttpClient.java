package vn.sohoa.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP calls against a running Sohoa, as another system or the README's curl walkthrough make them: a call that
 * changes something with HTTP Basic carries the user's CSRF token, fetched once from {@code GET /api/v1/csrf}.
 */
final class SohoaHttpClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final Map<String, String> csrfTokens = new ConcurrentHashMap<>();

    SohoaHttpClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Polls a document until its job has finished (neither RECEIVED nor PROCESSING) or the time is up, and returns
     * its last state.
     */
    JsonNode awaitFinished(String documentId, String authorization, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode document;
        do {
            Thread.sleep(250);
            document = JSON.readTree(get("/api/v1/documents/" + documentId, authorization).body());
        } while (List.of("RECEIVED", "PROCESSING").contains(document.get("status").asString())
                && System.nanoTime() < deadline);
        return document;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> getBytes(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET as a browser makes it (a phone that scanned a QR code): HTML first. */
    HttpResponse<String> getPage(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A GET that asks for JSON where a path also serves HTML. */
    HttpResponse<String> getJson(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> postJson(String path, String authorization, String json)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .headers(changing(authorization))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A JSON POST whose answer is binary (an image). */
    HttpResponse<byte[]> postJsonForBytes(String path, String authorization, String json)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .headers(changing(authorization))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String authorization) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .headers(changing(authorization))
                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A request with a body of the given type: {@code method} POST or PUT. */
    HttpResponse<String> send(String method, String path, String authorization, String contentType, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .headers(changing(authorization))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> delete(String path, String authorization) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .headers(changing(authorization))
                .DELETE().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A multipart/form-data POST: text fields, then files (part name, file name, bytes). */
    HttpResponse<String> postMultipart(String path, String authorization, String[][] fields, Object[][] files)
            throws IOException, InterruptedException {
        String boundary = "sohoa-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : fields) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0]
                    + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + field[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (Object[] file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file[0]
                    + "\"; filename=\"" + file[1] + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes((byte[]) file[2]);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (authorization != null) {
            request.headers(changing(authorization));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The CSRF token of a Basic caller, as {@code GET /api/v1/csrf} gives it; null when that call is refused. */
    String csrfToken(String authorization) throws IOException, InterruptedException {
        String known = csrfTokens.get(authorization);
        if (known != null) {
            return known;
        }
        HttpResponse<String> answer = get("/api/v1/csrf", authorization);
        if (answer.statusCode() != 200) {
            return null;
        }
        String token = JSON.readTree(answer.body()).get("token").asString();
        csrfTokens.put(authorization, token);
        return token;
    }

    /** The headers of a call that changes something: the credentials and, for HTTP Basic, the CSRF token. */
    private String[] changing(String authorization) throws IOException, InterruptedException {
        if (authorization == null) {
            return new String[0];
        }
        if (!authorization.startsWith("Basic ")) {
            return new String[]{"Authorization", authorization};
        }
        String token = csrfToken(authorization);
        return token == null ? new String[]{"Authorization", authorization}
                : new String[]{"Authorization", authorization, "X-CSRF-TOKEN", token};
    }
}
