package vn.sohoa.app.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock the service goes by: register years, statistics periods, "today" for competence, template and
 * reuse dates, certificate expiry, and the development PKI's and TSA's times. db-scheduler keeps its own real time
 * for when jobs run, and so does anything another party checks against its own clock (S3 request signatures and
 * presigned links, a webhook's replay time-stamp).
 */
@Configuration(proxyBeanMethods = false)
public class ServiceClock {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceClock.class);

    /**
     * @param start when set, the service's clock shows this time when the service starts and runs on from there at
     *              the normal pace: for tests and drills that must cross a year's end or a month's (e.g.
     *              {@code 2026-12-31T23:59:30+07:00}); empty means the system clock
     */
    @ConfigurationProperties("sohoa.clock")
    public record Settings(OffsetDateTime start) {
    }

    @Bean
    Clock clock(Settings settings) {
        return of(settings, Clock.systemUTC());
    }

    /** The service's clock for {@code settings}, running at the pace of {@code system}. */
    public static Clock of(Settings settings, Clock system) {
        if (settings.start() == null) {
            return system;
        }
        LOG.warn("the service's clock starts at {} (sohoa.clock.start), not at the system's time",
                settings.start());
        return Clock.offset(system, Duration.between(Instant.now(system), settings.start().toInstant()));
    }
}
