package vn.sohoa.app.certify;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How long each signing step of a certification takes and how often it fails, as {@code sohoa.signing.seconds}
 * tagged with the step and its outcome: a slow token, HSM or validation-data source shows here before a certifier
 * complains.
 */
@Component
class SigningTimings {

    /** A timed step of making a copy. */
    enum Step {
        /** the certifier's signature (a key file, a token, a remote service; a deferred key only prepares) */
        CERTIFIER_SIGNATURE,
        /** the agency's locking signature */
        AGENCY_SIGNATURE,
        /** revocation data and archive time-stamps added to the signed copy */
        VALIDATION_DATA
    }

    private final MeterRegistry registry;

    SigningTimings(MeterRegistry registry) {
        this.registry = registry;
    }

    <T> T time(Step step, Supplier<T> work) {
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            T result = work.get();
            outcome = "ok";
            return result;
        } finally {
            Timer.builder("sohoa.signing.seconds").description("signing steps of a certification")
                    .tag("step", step.name().toLowerCase()).tag("outcome", outcome).register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
