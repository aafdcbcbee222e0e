package vn.sohoa.core.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way the service sends a request of its own (webhooks, revocation, time-stamping, remote signing, the
 * citizen's data store): the target is judged by the {@link OutboundPolicy} just before the request, redirects are
 * never followed (a redirect to an inside address would get around the policy), the whole exchange has a deadline
 * (not only the connection), and an answer larger than its cap is cut off and refused instead of being read into
 * memory. The name is resolved for the check and then again for the connection by the same JVM, whose address cache
 * ({@code networkaddress.cache.ttl}, 30 s unless set) answers the second lookup with the addresses just checked.
 */
public final class OutboundHttp {

    /** An answer, its body read whole (within the cap). */
    public record Response(int status, HttpHeaders headers, byte[] body) {
    }

    /** The answer was larger than the cap; nothing more was read. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(long cap) {
            super("the answer is larger than " + cap + " bytes");
        }
    }

    /** What an outbound request is for: the tag its duration and outcome are reported under. */
    public enum Purpose { WEBHOOK, OCSP, CRL, TIMESTAMP, REMOTE_SIGNING, CITIZEN_DATA_STORE, OTHER }

    /** How an exchange ended. */
    public enum Outcome {
        /** an answer with a 2xx status */
        OK,
        /** an answer with another status */
        ERROR_STATUS,
        /** the policy refused the target; no connection was made */
        REFUSED,
        /** the deadline passed */
        TIMEOUT,
        /** the answer was larger than the cap */
        TOO_LARGE,
        /** the connection or exchange failed otherwise */
        FAILED
    }

    /** Told of every exchange (metrics); must not throw. */
    @FunctionalInterface
    public interface Observer {
        Observer NONE = (purpose, took, outcome) -> { };

        void exchanged(Purpose purpose, Duration took, Outcome outcome);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final OutboundPolicy policy;
    private final Duration deadline;
    private final long maxBodyBytes;
    private final Purpose purpose;
    private final Observer observer;

    /**
     * @param deadline     the longest a whole exchange may take, connecting and reading the answer included
     * @param maxBodyBytes the largest answer read
     */
    public OutboundHttp(OutboundPolicy policy, Duration deadline, long maxBodyBytes) {
        this(policy, deadline, maxBodyBytes, Purpose.OTHER, Observer.NONE);
    }

    /** As above, every exchange reported to {@code observer} under {@code purpose}. */
    public OutboundHttp(OutboundPolicy policy, Duration deadline, long maxBodyBytes, Purpose purpose,
                        Observer observer) {
        if (deadline.isNegative() || deadline.isZero() || maxBodyBytes < 1) {
            throw new IllegalArgumentException("an outbound deadline and body cap must be positive");
        }
        this.policy = policy;
        this.deadline = deadline;
        this.maxBodyBytes = maxBodyBytes;
        this.purpose = purpose;
        this.observer = observer;
    }

    /** The same policy with other limits (a CRL may be larger than a webhook's answer). */
    public OutboundHttp withLimits(Duration otherDeadline, long otherMaxBodyBytes) {
        return new OutboundHttp(policy, otherDeadline, otherMaxBodyBytes, purpose, observer);
    }

    /** The same policy and cap with another deadline. */
    public OutboundHttp withDeadline(Duration otherDeadline) {
        return new OutboundHttp(policy, otherDeadline, maxBodyBytes, purpose, observer);
    }

    /** The same client, its exchanges reported under {@code otherPurpose}. */
    public OutboundHttp forPurpose(Purpose otherPurpose) {
        return new OutboundHttp(policy, deadline, maxBodyBytes, otherPurpose, observer);
    }

    public Duration deadline() {
        return deadline;
    }

    /**
     * Sends {@code request} if the policy allows its target.
     *
     * @throws OutboundPolicy.RefusedException when the policy refuses the target (no connection is made)
     * @throws HttpTimeoutException             when the deadline passes
     * @throws TooLargeException                when the answer exceeds the cap
     */
    public Response send(HttpRequest request) throws IOException {
        long started = System.nanoTime();
        Outcome outcome = Outcome.FAILED;
        try {
            Response response = exchange(request);
            outcome = response.status() / 100 == 2 ? Outcome.OK : Outcome.ERROR_STATUS;
            return response;
        } catch (OutboundPolicy.RefusedException e) {
            outcome = Outcome.REFUSED;
            throw e;
        } catch (HttpTimeoutException e) {
            outcome = Outcome.TIMEOUT;
            throw e;
        } catch (TooLargeException e) {
            outcome = Outcome.TOO_LARGE;
            throw e;
        } finally {
            observer.exchanged(purpose, Duration.ofNanos(System.nanoTime() - started), outcome);
        }
    }

    private Response exchange(HttpRequest request) throws IOException {
        policy.check(request.uri());
        CompletableFuture<HttpResponse<byte[]>> exchange = HTTP.sendAsync(request, info -> capped(maxBodyBytes));
        try {
            HttpResponse<byte[]> response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + deadline.toMillis() + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "the exchange failed" : cause.getMessage(), cause);
        }
    }

    /** A body subscriber that keeps at most {@code cap} bytes and fails the exchange beyond. */
    static HttpResponse.BodySubscriber<byte[]> capped(long cap) {
        return new HttpResponse.BodySubscriber<>() {
            private final CompletableFuture<byte[]> result = new CompletableFuture<>();
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            private Flow.Subscription subscription;

            @Override
            public CompletionStage<byte[]> getBody() {
                return result;
            }

            @Override
            public void onSubscribe(Flow.Subscription given) {
                subscription = given;
                given.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> buffers) {
                for (ByteBuffer buffer : buffers) {
                    if (bytes.size() + (long) buffer.remaining() > cap) {
                        subscription.cancel();
                        result.completeExceptionally(new TooLargeException(cap));
                        return;
                    }
                    byte[] chunk = new byte[buffer.remaining()];
                    buffer.get(chunk);
                    bytes.writeBytes(chunk);
                }
            }

            @Override
            public void onError(Throwable error) {
                result.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                result.complete(bytes.toByteArray());
            }
        };
    }
}
