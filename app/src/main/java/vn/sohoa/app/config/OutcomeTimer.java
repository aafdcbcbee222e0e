package vn.sohoa.app.config;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Times a call and tags it with how it ended ({@code outcome} = {@code ok}, or {@code failed} when it threw), so that
 * one series gives both the latency and the failures of a step (a signature, an object-store call).
 */
public record OutcomeTimer(MeterRegistry registry, String name, String description, String failed) {

    public <T> T time(Tags tags, Supplier<T> call) {
        long started = System.nanoTime();
        String outcome = failed;
        try {
            T result = call.get();
            outcome = "ok";
            return result;
        } finally {
            Timer.builder(name).description(description).tags(tags).tag("outcome", outcome).register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
