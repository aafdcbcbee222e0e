package vn.sohoa.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;

import vn.sohoa.app.config.ServiceClock;

/**
 * The date the tests' in-process services live on: their clock starts at {@link #START}
 * ({@code sohoa.clock.start}) whatever day the tests run, so that the dates the tests write (a dossier received on
 * the 23rd of that month, say) and the periods, register years and "today" they ask about agree on any day and in
 * any time zone. Tests that restart a service process keep the system clock instead (a restarted node would go back
 * in time) and take years and months from what the service answered.
 */
public final class ServiceTime {

    /** A Monday morning in Vietnam, away from any month's or year's end. */
    public static final OffsetDateTime START = OffsetDateTime.parse("2026-11-30T10:00:00+07:00");

    /** START's month, as the statistics API writes periods ({@code 2026-11}). */
    public static final YearMonth MONTH = YearMonth.from(START);

    private ServiceTime() {
    }

    /** A clock like the service's: it shows START now and runs on (for a PKI a test makes beside the service). */
    public static Clock clock() {
        return ServiceClock.of(new ServiceClock.Settings(START), Clock.systemUTC());
    }
}
