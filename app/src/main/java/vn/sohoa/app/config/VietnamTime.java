package vn.sohoa.app.config;

import java.time.LocalDate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Sohoa shows every time in Vietnam time (UTC+07:00, no daylight saving), whatever the database returns. */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(7);

    private VietnamTime() {
    }

    /** Today's date in Vietnam on {@code clock}, whatever the JVM's time zone. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** Now in Vietnam time on {@code clock}, to the second. */
    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock.withZone(ZONE)).withNano(0);
    }

    public static OffsetDateTime of(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(OFFSET);
    }
}
