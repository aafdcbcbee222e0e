package vn.sohoa.app.certify;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.citizen.Requester;
import vn.sohoa.app.citizen.RequesterColumns;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.error.ConflictException;

/**
 * The certification register (sổ chứng thực): per agency, kind and year, numbers from 1 on 1 January (Vietnam time)
 * and on across the books opened within the year.
 *
 * <p>A number is reserved in its own short transaction under the counter's row lock and recorded as a PENDING entry
 * at once, so the lock is not held while copies are stamped and signed. The entry then becomes ISSUED with its
 * copies, or VOID with the reason; an entry left PENDING by a crash is settled by {@link #settleInterrupted}. So
 * every number ever handed out has exactly one entry: no gap, no repeat, under any concurrency and any crash.
 */
@Component
public class Register {

    private static final Logger LOG = LoggerFactory.getLogger(Register.class);
    /** Why an entry left PENDING by a stopped node is void. */
    private static final String INTERRUPTED = "interrupted before its copy was recorded (service stopped) / "
            + "bị gián đoạn trước khi bản sao được ghi nhận";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final AuditLog audit;

    Register(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Who certifies, as named when the number is given: the register keeps this, not later renamings. */
    public record Certifier(String username, String fullName, String title) {
    }

    /** A reserved number, and what it was reserved for. */
    public record Reservation(String agencyCode, RegisterKind kind, int year, long number, int bookNumber,
                              String book, ZonedDateTime at) {
    }

    /** The time the register goes by, in Vietnam time, to the second. */
    public ZonedDateTime now() {
        return ZonedDateTime.now(clock.withZone(VietnamTime.ZONE)).withNano(0);
    }

    /**
     * Reserves the next number of the year of {@code at} for {@code copies} copies of one original asked for by
     * {@code requester}, committed before this returns.
     */
    public Reservation reserve(String agencyCode, RegisterKind kind, String documentId, Certifier certifier,
                               int copies, Requester requester, ZonedDateTime at) {
        int year = at.withZoneSameInstant(VietnamTime.ZONE).getYear();
        ensureBook(agencyCode, kind, year);
        return ownTransaction.execute(status -> {
            var counter = jdbc.sql("select book_number, last_number, closed_at from register_books "
                            + "where agency_code = ? and kind = ? and register_year = ? for update")
                    .params(agencyCode, kind.name(), year)
                    .query((rs, n) -> new long[]{rs.getInt("book_number"), rs.getLong("last_number"),
                        rs.getObject("closed_at") == null ? 0 : 1})
                    .single();
            if (counter[2] == 1) {
                throw new ConflictException("the " + year + " register of " + agencyCode + " (" + kind.code()
                        + ") is closed", "sổ chứng thực năm " + year + " đã khóa sổ");
            }
            int bookNumber = (int) counter[0];
            long number = counter[1] + 1;
            jdbc.sql("update register_books set last_number = ? where agency_code = ? and kind = ? "
                            + "and register_year = ?")
                    .params(number, agencyCode, kind.name(), year).update();
            String book = kind.bookLabel(bookNumber, year);
            Object[] asker = RequesterColumns.values(requester);
            jdbc.sql("insert into register_entries (agency_code, kind, register_year, register_number, book, "
                            + "document_id, certifier, certifier_name, certifier_title, copies, status, reserved_at, "
                            + "requester_name, requester_id_type, requester_id_number, requester_phone, "
                            + "requester_email) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(agencyCode, kind.name(), year, number, book, documentId, certifier.username(),
                            certifier.fullName(), certifier.title(), copies, RegisterEntryStatus.PENDING.name(),
                            at.toOffsetDateTime(), asker[0], asker[1], asker[2], asker[3], asker[4])
                    .update();
            return new Reservation(agencyCode, kind, year, number, bookNumber, book, at);
        });
    }

    /** Who asked for the certification under a reserved number (null for entries made before it was recorded). */
    Requester requester(Reservation reservation) {
        return jdbc.sql("select requester_name, requester_id_type, requester_id_number, requester_phone, "
                        + "requester_email from register_entries where agency_code = ? and kind = ? "
                        + "and register_year = ? and register_number = ?")
                .params(reservation.agencyCode(), reservation.kind().name(), reservation.year(), reservation.number())
                .query((rs, n) -> Optional.ofNullable(RequesterColumns.read(rs, "requester")))
                .single().orElse(null);
    }

    /** The current book and the last number given in a year's register. */
    public record BookState(String agencyCode, RegisterKind kind, int year, int bookNumber, String book,
                            long lastNumber, OffsetDateTime closedAt) {
    }

    public BookState state(String agencyCode, RegisterKind kind, int year) {
        return jdbc.sql("select * from register_books where agency_code = ? and kind = ? and register_year = ?")
                .params(agencyCode, kind.name(), year)
                .query((rs, n) -> new BookState(agencyCode, kind, year, rs.getInt("book_number"),
                        kind.bookLabel(rs.getInt("book_number"), year), rs.getLong("last_number"),
                        rs.getObject("closed_at", OffsetDateTime.class) == null ? null
                                : VietnamTime.of(rs.getObject("closed_at", OffsetDateTime.class))))
                .optional()
                .orElse(new BookState(agencyCode, kind, year, 1, kind.bookLabel(1, year), 0, null));
    }

    /**
     * Closes the current book of the year and opens the next one (a bound book is full); numbering goes on
     * where it was. {@code actor} is who asked, as the audit log records it.
     */
    public BookState openNextBook(String actor, String agencyCode, RegisterKind kind, int year) {
        ensureBook(agencyCode, kind, year);
        ownTransaction.executeWithoutResult(status -> {
            int updated = jdbc.sql("update register_books set book_number = book_number + 1 where agency_code = ? "
                            + "and kind = ? and register_year = ? and closed_at is null")
                    .params(agencyCode, kind.name(), year).update();
            if (updated != 1) {
                throw new ConflictException("the " + year + " register is closed", "sổ chứng thực năm " + year
                        + " đã khóa sổ");
            }
            audit.record(actor, agencyCode, AuditAction.REGISTER_BOOK_OPENED, kind.code() + " " + year,
                    "next book opened");
        });
        return state(agencyCode, kind, year);
    }

    /** Closes a year's register once the year is over in Vietnam time; its totals are final. */
    public BookState closeYear(String actor, String agencyCode, RegisterKind kind, int year) {
        if (now().getYear() <= year) {
            throw new ConflictException("the " + year + " register can be closed from 1 January " + (year + 1),
                    "chỉ khóa sổ năm " + year + " từ ngày 01/01/" + (year + 1));
        }
        long pending = jdbc.sql("select count(*) from register_entries where agency_code = ? and kind = ? "
                        + "and register_year = ? and status = 'PENDING'")
                .params(agencyCode, kind.name(), year).query(Long.class).single();
        if (pending > 0) {
            throw new ConflictException(pending + " number(s) of " + year + " are still being certified; the "
                    + "register closes once they are issued or settled", "còn " + pending + " số chứng thực đang "
                    + "xử lý; chỉ khóa sổ khi tất cả đã hoàn tất");
        }
        ensureBook(agencyCode, kind, year);
        ownTransaction.executeWithoutResult(status -> {
            int closed = jdbc.sql("update register_books set closed_at = ? where agency_code = ? and kind = ? "
                            + "and register_year = ? and closed_at is null")
                    .params(OffsetDateTime.now(clock), agencyCode, kind.name(), year).update();
            if (closed == 1) {
                audit.record(actor, agencyCode, AuditAction.REGISTER_YEAR_CLOSED, kind.code() + " " + year,
                        "year closed");
            }
        });
        return state(agencyCode, kind, year);
    }

    /** Creates the year's counter row when missing; racing creators are harmless (the key is unique). */
    private void ensureBook(String agencyCode, RegisterKind kind, int year) {
        jdbc.sql("insert into register_books (agency_code, kind, register_year, book_number, last_number) "
                        + "values (?, ?, ?, 1, 0) on conflict do nothing")
                .params(agencyCode, kind.name(), year).update();
    }

    /**
     * Marks the entry issued; call inside the transaction that records its copies.
     *
     * @throws ConflictException when the entry is no longer pending (settled as interrupted meanwhile)
     */
    void markIssued(Reservation reservation) {
        int updated = jdbc.sql("update register_entries set status = ?, closed_at = ? where agency_code = ? "
                        + "and kind = ? and register_year = ? and register_number = ? and status = ?")
                .params(RegisterEntryStatus.ISSUED.name(), OffsetDateTime.now(clock), reservation.agencyCode(),
                        reservation.kind().name(), reservation.year(), reservation.number(),
                        RegisterEntryStatus.PENDING.name())
                .update();
        if (updated != 1) {
            // settled as interrupted meanwhile (the copy took longer than sohoa.certification.interrupted-after):
            // the number stays VOID, this copy is not recorded, and the certifier certifies again under a new number
            throw new ConflictException("register number " + reservation.number() + "/" + reservation.year()
                    + " was closed as interrupted while this copy was being made; certify again",
                    "số chứng thực " + reservation.number() + "/" + reservation.year() + " đã bị đóng do gián đoạn "
                            + "trong khi đang tạo bản sao; hãy chứng thực lại");
        }
    }

    /** Records that no copy was issued under the reserved number, and why, in a transaction of its own. */
    public void markVoid(Reservation reservation, String reason) {
        if (closeVoid(reservation.agencyCode(), reservation.kind(), reservation.year(), reservation.number(),
                reason)) {
            LOG.warn("register number {} of {} ({} {}) is void: {}", reservation.number(), reservation.year(),
                    reservation.agencyCode(), reservation.kind(), reason);
        }
        // else closed already (settled as interrupted): it keeps its first reason
    }

    /**
     * Closes a PENDING entry as VOID with the reason, and audits it, in a transaction of its own.
     *
     * @return false when the entry was no longer pending (closed by another node or another path): nothing changed
     */
    private boolean closeVoid(String agencyCode, RegisterKind kind, int year, long number, String reason) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> {
            int updated = jdbc.sql("update register_entries set status = ?, closed_at = ?, void_reason = ? "
                            + "where agency_code = ? and kind = ? and register_year = ? and register_number = ? "
                            + "and status = ?")
                    .params(RegisterEntryStatus.VOID.name(), OffsetDateTime.now(clock), limit(reason), agencyCode,
                            kind.name(), year, number, RegisterEntryStatus.PENDING.name())
                    .update();
            if (updated == 0) {
                return false;
            }
            audit.record("sohoa", agencyCode, AuditAction.REGISTER_NUMBER_VOIDED,
                    kind.code() + " " + number + "/" + year, limit(reason));
            return true;
        }));
    }

    /**
     * Settles entries left PENDING longer than {@code olderThan} — the node that reserved them stopped before
     * finishing: issued if their copies were recorded, void otherwise, each void in the audit log like any other.
     * Safe to run on every node: an entry is closed once, by whichever node gets to it first.
     *
     * @return how many entries were settled
     */
    public int settleInterrupted(Duration olderThan) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime before = now.minus(olderThan);
        int issued = jdbc.sql("update register_entries set status = 'ISSUED', closed_at = :now where status = "
                        + "'PENDING' and reserved_at < :before and exists (select 1 from certifications c where "
                        + "c.agency_code = register_entries.agency_code and c.kind = register_entries.kind and "
                        + "c.register_year = register_entries.register_year and "
                        + "c.register_number = register_entries.register_number)")
                .param("now", now).param("before", before).update();
        List<PendingEntry> interrupted = jdbc.sql("select agency_code, kind, register_year, register_number "
                        + "from register_entries where status = 'PENDING' and reserved_at < :before "
                        + "order by agency_code, kind, register_year, register_number")
                .param("before", before)
                .query((rs, row) -> new PendingEntry(rs.getString(1), RegisterKind.valueOf(rs.getString(2)),
                        rs.getInt(3), rs.getLong(4)))
                .list();
        int voided = 0;
        for (PendingEntry entry : interrupted) {
            voided += closeVoid(entry.agencyCode(), entry.kind(), entry.year(), entry.number(), INTERRUPTED) ? 1 : 0;
        }
        if (issued + voided > 0) {
            LOG.warn("settled {} interrupted register entries: {} issued, {} void", issued + voided, issued, voided);
        }
        return issued + voided;
    }

    private record PendingEntry(String agencyCode, RegisterKind kind, int year, long number) {
    }

    /**
     * One line of the register, with the paper's title, who certified it (name and title as they were), who asked
     * for it, and the fees of its copies.
     */
    public record Entry(String agencyCode, RegisterKind kind, int year, long number, String book, String documentId,
                        String documentTitle, String certifier, String certifierName, String certifierTitle,
                        Requester requester, int copies, long feeVnd,
                        RegisterEntryStatus status, OffsetDateTime reservedAt, OffsetDateTime closedAt,
                        String voidReason) {
    }

    /** The entries of a year, or of one month of it, in number order. */
    public List<Entry> entries(String agencyCode, RegisterKind kind, int year, Integer month) {
        String sql = "select e.*, d.title, u.full_name as user_full_name, u.title as user_title, (select coalesce(sum(c.fee_vnd), 0) from certifications c "
                + "where c.agency_code = e.agency_code and c.kind = e.kind and c.register_year = e.register_year "
                + "and c.register_number = e.register_number) as fees from register_entries e "
                + "join documents d on d.id = e.document_id left join users u on u.username = e.certifier "
                + "where e.agency_code = :agency and e.kind = :kind "
                + "and e.register_year = :year"
                + (month == null ? "" : " and e.reserved_at >= :from and e.reserved_at < :to")
                + " order by e.register_number";
        var spec = jdbc.sql(sql).param("agency", agencyCode).param("kind", kind.name()).param("year", year);
        if (month != null) {
            ZonedDateTime from = LocalDate.of(year, month, 1).atStartOfDay(VietnamTime.ZONE);
            spec = spec.param("from", from.toOffsetDateTime()).param("to", from.plusMonths(1).toOffsetDateTime());
        }
        return spec.query((rs, n) -> new Entry(rs.getString("agency_code"), RegisterKind.valueOf(rs.getString("kind")),
                rs.getInt("register_year"), rs.getLong("register_number"), rs.getString("book"),
                rs.getString("document_id"), rs.getString("title"), rs.getString("certifier"),
                // entries made before the snapshot was kept show the user as named today
                firstNonNull(rs.getString("certifier_name"), rs.getString("user_full_name"), rs.getString("certifier")),
                rs.getString("certifier_name") != null ? rs.getString("certifier_title") : rs.getString("user_title"),
                RequesterColumns.read(rs, "requester"), rs.getInt("copies"),
                rs.getLong("fees"), RegisterEntryStatus.valueOf(rs.getString("status")),
                VietnamTime.of(rs.getObject("reserved_at", OffsetDateTime.class)),
                rs.getObject("closed_at", OffsetDateTime.class) == null ? null
                        : VietnamTime.of(rs.getObject("closed_at", OffsetDateTime.class)),
                rs.getString("void_reason"))).list();
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String limit(String reason) {
        String text = reason == null ? "unknown" : reason;
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
