package vn.sohoa.app.certify;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.error.ConflictException;
import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.error.InvalidInputException;

/**
 * The certification fee, rate by rate: the one Sohoa ships with ({@link FeeSchedule#SHIPPED}) and those an
 * administrator adds when a circular changes it. Like the statement templates, a new rate begins tomorrow at the
 * earliest, so that every copy of one day is charged alike, and rates are never changed (receipts cite them).
 */
@Service
public class FeeSchedules {

    /** The most a rate may charge a page or a copy: a typing error of a zero too many is refused. */
    static final long MAX_VND = 10_000_000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    FeeSchedules(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A rate as the API shows it. */
    public record FeeScheduleView(LocalDate effectiveFrom, long firstPagesVnd, int firstPages, long laterPagesVnd,
                                  long capVnd, String legalBasis, boolean builtIn, boolean inForce, String createdBy,
                                  OffsetDateTime createdAt, String example) {
    }

    /** A new rate, as an administrator sends it. */
    public record NewFeeSchedule(LocalDate effectiveFrom, Long firstPagesVnd, Integer firstPages, Long laterPagesVnd,
                                 Long capVnd, String legalBasis) {
    }

    /** Every rate, oldest first. */
    public List<FeeSchedule> versions() {
        List<FeeSchedule> versions = new ArrayList<>(FeeSchedule.SHIPPED);
        versions.addAll(jdbc.sql("select * from fee_schedules").query((rs, n) -> new FeeSchedule(
                rs.getObject("effective_from", LocalDate.class), rs.getLong("first_pages_vnd"),
                rs.getInt("first_pages"), rs.getLong("later_pages_vnd"), rs.getLong("cap_vnd"),
                rs.getString("legal_basis"))).list());
        versions.sort(Comparator.comparing(FeeSchedule::effectiveFrom));
        return versions;
    }

    /** The rate in force on {@code day} (Vietnam time). */
    public FeeSchedule inForce(LocalDate day) {
        return FeeSchedule.inForce(versions(), day);
    }

    public List<FeeScheduleView> list() {
        List<FeeSchedule> versions = versions();
        FeeSchedule inForce = FeeSchedule.inForce(versions, VietnamTime.today(clock));
        List<FeeScheduleView> views = new ArrayList<>();
        for (FeeSchedule schedule : versions) {
            boolean builtIn = FeeSchedule.SHIPPED.contains(schedule);
            var added = builtIn ? null : jdbc.sql("select created_by, created_at from fee_schedules "
                            + "where effective_from = ?").param(Date.valueOf(schedule.effectiveFrom()))
                    .query((rs, n) -> new Object[]{rs.getString("created_by"),
                        VietnamTime.of(rs.getObject("created_at", OffsetDateTime.class))}).single();
            views.add(new FeeScheduleView(schedule.effectiveFrom(), schedule.firstPagesVnd(), schedule.firstPages(),
                    schedule.laterPagesVnd(), schedule.capVnd(), schedule.legalBasis(), builtIn,
                    schedule.equals(inForce), added == null ? null : (String) added[0],
                    added == null ? null : (OffsetDateTime) added[1], schedule.receiptLine(3)));
        }
        return views;
    }

    /** Adds a rate beginning tomorrow or later (administrator). */
    public FeeScheduleView add(SohoaPrincipal principal, NewFeeSchedule given) {
        if (principal.role() != Role.ADMIN) {
            throw new ForbiddenException("only administrators change the certification fee",
                    "chỉ quản trị viên được thay đổi mức phí chứng thực");
        }
        FeeSchedule schedule = checked(given);
        if (!schedule.effectiveFrom().isAfter(VietnamTime.today(clock))) {
            throw new InvalidInputException("effectiveFrom", "a new rate begins tomorrow at the earliest, so that the "
                    + "copies of one day are charged alike", "mức phí mới áp dụng sớm nhất từ ngày mai");
        }
        if (versions().stream().anyMatch(v -> v.effectiveFrom().equals(schedule.effectiveFrom()))) {
            throw new ConflictException("a rate beginning on " + schedule.effectiveFrom() + " exists",
                    "đã có mức phí áp dụng từ ngày " + schedule.effectiveFrom());
        }
        try {
            jdbc.sql("insert into fee_schedules (effective_from, first_pages_vnd, first_pages, later_pages_vnd, "
                            + "cap_vnd, legal_basis, created_by) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(Date.valueOf(schedule.effectiveFrom()), schedule.firstPagesVnd(),
                            schedule.firstPages(), schedule.laterPagesVnd(), schedule.capVnd(), schedule.legalBasis(),
                            principal.username())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("a rate beginning on " + schedule.effectiveFrom() + " exists",
                    "đã có mức phí áp dụng từ ngày " + schedule.effectiveFrom());
        }
        audit.record(principal.username(), principal.agencyCode(), AuditAction.FEE_SCHEDULE_ADDED,
                schedule.effectiveFrom().toString(), schedule.receiptLine(3));
        return list().stream().filter(view -> view.effectiveFrom().equals(schedule.effectiveFrom())).findFirst()
                .orElseThrow();
    }

    private static FeeSchedule checked(NewFeeSchedule given) {
        if (given == null || given.effectiveFrom() == null) {
            throw new InvalidInputException("effectiveFrom", "effectiveFrom (the day the rate begins) is required",
                    "cần ngày bắt đầu áp dụng (effectiveFrom)");
        }
        long first = amount("firstPagesVnd", given.firstPagesVnd());
        long later = amount("laterPagesVnd", given.laterPagesVnd());
        long cap = amount("capVnd", given.capVnd());
        if (given.firstPages() == null || given.firstPages() < 0 || given.firstPages() > 1000) {
            throw new InvalidInputException("firstPages", "firstPages (pages charged firstPagesVnd) must be 0 to 1000",
                    "số trang tính theo mức đầu (firstPages) phải từ 0 đến 1000");
        }
        if (cap < first) {
            throw new InvalidInputException("capVnd", "capVnd must be at least firstPagesVnd",
                    "mức tối đa (capVnd) không được nhỏ hơn mức trang đầu");
        }
        String basis = given.legalBasis() == null ? "" : given.legalBasis().strip();
        if (basis.isEmpty() || basis.length() > 200) {
            throw new InvalidInputException("legalBasis", "legalBasis (the circular that sets the rate) is required, "
                    + "at most 200 characters", "cần căn cứ pháp lý (legalBasis), tối đa 200 ký tự");
        }
        return new FeeSchedule(given.effectiveFrom(), first, given.firstPages(), later, cap, basis);
    }

    private static long amount(String field, Long value) {
        if (value == null || value < 0 || value > MAX_VND) {
            throw new InvalidInputException(field, field + " must be 0 to " + MAX_VND + " VND",
                    field + " phải từ 0 đến " + MAX_VND + " đồng");
        }
        return value;
    }
}
