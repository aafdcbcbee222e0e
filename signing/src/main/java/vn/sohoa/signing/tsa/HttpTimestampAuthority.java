package vn.sohoa.signing.tsa;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

import vn.sohoa.signing.keys.SigningException;

/** A remote RFC 3161 time-stamping authority reached over HTTP(S) (application/timestamp-query). */
public final class HttpTimestampAuthority implements TimestampAuthority {

    private final URI url;
    private final HttpClient client;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();

    public HttpTimestampAuthority(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public byte[] timestamp(byte[] sha256Imprint) {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, sha256Imprint,
                BigInteger.valueOf(random.nextLong()));
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(url)
                            .timeout(timeout)
                            .header("Content-Type", "application/timestamp-query")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new SigningException("time-stamping authority " + url + " answered HTTP "
                        + response.statusCode());
            }
            TimeStampResponse reply = new TimeStampResponse(response.body());
            reply.validate(request);
            if (reply.getTimeStampToken() == null) {
                throw new SigningException("time-stamping authority " + url + " refused: " + reply.getStatusString());
            }
            return reply.getTimeStampToken().getEncoded();
        } catch (IOException | TSPException e) {
            throw new SigningException("time-stamping authority " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException("interrupted while waiting for " + url, e);
        }
    }
}
