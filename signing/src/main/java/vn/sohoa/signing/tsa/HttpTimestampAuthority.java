package vn.sohoa.signing.tsa;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.SecureRandom;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

import vn.sohoa.core.net.OutboundHttp;
import vn.sohoa.core.net.OutboundPolicy;
import vn.sohoa.signing.keys.SigningException;

/** A remote RFC 3161 time-stamping authority reached over HTTP(S) (application/timestamp-query). */
public final class HttpTimestampAuthority implements TimestampAuthority {

    /** A time-stamp token with its certificates is a few kilobytes. */
    static final long MAX_ANSWER_BYTES = 256 * 1024;

    private final URI url;
    private final OutboundHttp http;
    private final SecureRandom random = new SecureRandom();

    /** @param http the outbound policy the authority's address is judged by; its deadline bounds each request */
    public HttpTimestampAuthority(URI url, OutboundHttp http) {
        this.url = url;
        this.http = http.withLimits(http.deadline(), MAX_ANSWER_BYTES).forPurpose(OutboundHttp.Purpose.TIMESTAMP);
    }

    @Override
    public byte[] timestamp(byte[] sha256Imprint) {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, sha256Imprint,
                BigInteger.valueOf(random.nextLong()));
        try {
            OutboundHttp.Response response = http.send(HttpRequest.newBuilder(url)
                    .timeout(http.deadline())
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                    .build());
            if (response.status() != 200) {
                throw new SigningException("time-stamping authority " + url + " answered HTTP " + response.status());
            }
            TimeStampResponse reply = new TimeStampResponse(response.body());
            reply.validate(request);
            if (reply.getTimeStampToken() == null) {
                throw new SigningException("time-stamping authority " + url + " refused: " + reply.getStatusString());
            }
            return reply.getTimeStampToken().getEncoded();
        } catch (IOException | TSPException | OutboundPolicy.RefusedException e) {
            throw new SigningException("time-stamping authority " + url + " failed: " + e.getMessage(), e);
        }
    }
}
