package vn.sohoa.app.config;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Sohoa shows every time in Vietnam time (UTC+07:00, no daylight saving), whatever the database returns. */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(7);

    private VietnamTime() {
    }

    public static OffsetDateTime of(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(OFFSET);
    }
}
