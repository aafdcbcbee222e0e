package vn.sohoa.app.certify;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import vn.sohoa.app.config.OutcomeTimer;

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

    private final OutcomeTimer timer;

    SigningTimings(MeterRegistry registry) {
        this.timer = new OutcomeTimer(registry, "sohoa.signing.seconds", "signing steps of a certification", "failed");
    }

    <T> T time(Step step, Supplier<T> work) {
        return timer.time(Tags.of("step", step.name().toLowerCase()), work);
    }
}
