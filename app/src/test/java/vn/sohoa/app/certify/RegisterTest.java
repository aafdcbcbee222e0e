package vn.sohoa.app.certify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

import vn.sohoa.app.TestDatabases;
import vn.sohoa.app.audit.AuditKey;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.citizen.Requester;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.error.ConflictException;

/**
 * The register engine on a real database with the service's own migrations: numbers under concurrency, the year
 * boundary in Vietnam time, void numbers, and numbers left pending by a crash. Run on H2 here and on PostgreSQL by
 * {@link PostgresRegisterTest}.
 */
@Tag("any-date") // run with the JVM in UTC and in Vietnam's zone (see the parent POM)
abstract class RegisterTest {

    static final String AGENCY = "000.00.30.H42";
    static final String DOCUMENT = "7b0c8f5e-0000-4000-8000-000000000001";
    static final Register.Certifier CERTIFIER = new Register.Certifier("certifier", "Nguyễn Văn An",
            "Phó Chủ tịch UBND xã");
    static final Requester REQUESTER = Requester.of("requester", "Trần Văn Hỏi", "CCCD", "001090000123", null,
            null);

    HikariDataSource dataSource;
    JdbcClient jdbc;

    /** A fresh database for one test, migrated. */
    abstract HikariDataSource freshDatabase();

    @BeforeEach
    void migrate() {
        dataSource = freshDatabase();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("insert into agencies (code, name, level) values (?, 'UBND xã Hòa Phong', 'COMMUNE')")
                .param(AGENCY).update();
        jdbc.sql("insert into dossiers (code, agency_code, received_at, created_by) values ('D-1', ?, ?, 'clerk')")
                .params(AGENCY, OffsetDateTime.now()).update();
        jdbc.sql("insert into documents (id, dossier_code, title, status, uploaded_by) "
                + "values (?, 'D-1', 'Giấy khai sinh', 'DIGITIZED', 'clerk')").param(DOCUMENT).update();
    }

    @AfterEach
    void close() {
        TestDatabases.dispose(dataSource);
    }

    Register register(Clock clock) {
        return new Register(jdbc, new DataSourceTransactionManager(dataSource), clock,
                new AuditLog(jdbc, clock, AuditKey.of(new byte[32])));
    }

    static ZonedDateTime vietnam(int year, int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(year, month, day, hour, minute, second).atZone(VietnamTime.ZONE);
    }

    @Test
    void twoHundredConcurrentReservationsGetExactlyOneToTwoHundred() throws Exception {
        Register register = register(Clock.systemUTC());
        ZonedDateTime now = register.now();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Long>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(() -> register.reserve(AGENCY, RegisterKind.ELECTRONIC_COPY, DOCUMENT, CERTIFIER,
                        1, REQUESTER,
                        now).number());
            }
            List<Long> numbers = new ArrayList<>();
            for (Future<Long> number : pool.invokeAll(calls)) {
                numbers.add(number.get());
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(register.entries(AGENCY, RegisterKind.ELECTRONIC_COPY, now.getYear(), null))
                .extracting(Register.Entry::number)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
    }

    @Test
    void numbersRestartAtOneOnTheFirstOfJanuaryInVietnamTime() {
        Register register = register(Clock.fixed(Instant.parse("2026-12-31T16:59:59Z"), ZoneOffset.UTC));
        ZonedDateTime lastSecondOf2026 = register.now();
        assertThat(lastSecondOf2026).isEqualTo(vietnam(2026, 12, 31, 23, 59, 59));
        register.reserve(AGENCY, RegisterKind.ELECTRONIC_COPY, DOCUMENT, CERTIFIER, 1, REQUESTER, lastSecondOf2026);
        Register.Reservation last = register.reserve(AGENCY, RegisterKind.ELECTRONIC_COPY, DOCUMENT, CERTIFIER,
                1, REQUESTER,
                lastSecondOf2026);

        // 00:00 on 1 January in Hanoi is still 31 December in UTC: the Vietnamese year decides
        Register next = register(Clock.fixed(Instant.parse("2026-12-31T17:00:00Z"), ZoneOffset.UTC));
        Register.Reservation first = next.reserve(AGENCY, RegisterKind.ELECTRONIC_COPY, DOCUMENT, CERTIFIER,
                1, REQUESTER,
                next.now());

        assertThat(last.year()).isEqualTo(2026);
        assertThat(last.number()).isEqualTo(2);
        assertThat(first.year()).isEqualTo(2027);
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.book()).isEqualTo("01/2027-SCTĐT/BS");
        // another kind keeps its own sequence
        assertThat(next.reserve(AGENCY, RegisterKind.PAPER_COPY, DOCUMENT, CERTIFIER,
                1, REQUESTER, next.now()).number())
                .isEqualTo(1);
    }

    @Test
    void booksFollowEachOtherWithinTheYearAndTheYearClosesOnlyAfterItEnds() {
        Register december = register(Clock.fixed(Instant.parse("2026-12-20T03:00:00Z"), ZoneOffset.UTC));
        december.reserve(AGENCY, RegisterKind.ELECTRONIC_COPY, DOCUMENT, CERTIFIER, 1, REQUESTER, december.now());
        Register.BookState second = december.openNextBook("certifier", AGENCY, RegisterKind.ELECTRONIC_COPY, 2026);
        assertThat(second.book()).isEqualTo("02/2026-SCTĐT/BS");
        Register.Reservation inSecondBook = december.reserve(AGENCY, RegisterKind.ELECTRONIC_COPY, DOCUMENT,
                CERTIFIER, 1, REQUESTER, december.now());
        assertThat(inSecondBook.number()).as("numbering goes on across books").isEqualTo(2);
        assertThat(inSecondBook.book()).isEqualTo("02/2026-SCTĐT/BS");
        december.markVoid(inSecondBook, "test");
        assertThatThrownBy(() -> december.closeYear("certifier", AGENCY, RegisterKind.ELECTRONIC_COPY, 2026))
                .isInstanceOf(ConflictException.class).hasMessageContaining("from 1 January 2027");

        Register january = register(Clock.fixed(Instant.parse("2027-01-02T03:00:00Z"), ZoneOffset.UTC));
        assertThatThrownBy(() -> january.closeYear("certifier", AGENCY, RegisterKind.ELECTRONIC_COPY, 2026))
                .as("a number still pending holds the close").hasMessageContaining("still being certified");
        january.settleInterrupted(Duration.ofMinutes(10));
        Register.BookState closed = january.closeYear("certifier", AGENCY, RegisterKind.ELECTRONIC_COPY, 2026);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.lastNumber()).isEqualTo(2);
        assertThat(jdbc.sql("select actor from audit_log where action in ('REGISTER_YEAR_CLOSED', "
                + "'REGISTER_BOOK_OPENED')").query(String.class).list()).as("who did it, not the system")
                .containsOnly("certifier").hasSize(2);
        assertThatThrownBy(() -> january.reserve(AGENCY, RegisterKind.ELECTRONIC_COPY, DOCUMENT, CERTIFIER, 1,
                REQUESTER, vietnam(2026, 12, 31, 23, 0, 0))).hasMessageContaining("closed");
        assertThatThrownBy(() -> january.openNextBook("certifier", AGENCY, RegisterKind.ELECTRONIC_COPY, 2026))
                .hasMessageContaining("closed");
    }

    @Test
    void aFailedCertificationLeavesItsNumberVoidWithTheReasonAndTheNextNumberFollows() {
        Register register = register(Clock.systemUTC());
        Register.Reservation failed = register.reserve(AGENCY, RegisterKind.ELECTRONIC_COPY, DOCUMENT, CERTIFIER,
                1, REQUESTER, register.now());
        register.markVoid(failed, "SigningException: the certifier's certificate was revoked");
        Register.Reservation next = register.reserve(AGENCY, RegisterKind.ELECTRONIC_COPY, DOCUMENT, CERTIFIER, 3,
                REQUESTER, register.now());

        List<Register.Entry> entries = register.entries(AGENCY, RegisterKind.ELECTRONIC_COPY, failed.year(), null);
        assertThat(entries).extracting(Register.Entry::number).containsExactly(1L, 2L);
        assertThat(entries.get(0).status()).isEqualTo(RegisterEntryStatus.VOID);
        assertThat(entries.get(0).voidReason()).contains("revoked");
        assertThat(entries.get(1).status()).isEqualTo(RegisterEntryStatus.PENDING);
        assertThat(entries.get(1).copies()).isEqualTo(3);
        assertThat(entries.get(1).requester()).as("who asked is on the register line").isEqualTo(REQUESTER);
        assertThat(new String(RegisterPrint.csv(entries), StandardCharsets.UTF_8))
                .contains(",Trần Văn Hỏi,CCCD,001090000123,certifier,Nguyễn Văn An,Phó Chủ tịch UBND xã,3,");
        assertThat(entries.get(1).certifierName()).isEqualTo("Nguyễn Văn An");
        // the snapshot stays when the user is renamed later
        jdbc.sql("insert into users (username, password_hash, full_name, title, role, agency_code) values "
                + "('certifier', 'x', 'Nguyễn Văn Bình', 'Chủ tịch UBND xã', 'CERTIFIER', ?)").param(AGENCY).update();
        Register.Entry renamed = register.entries(AGENCY, RegisterKind.ELECTRONIC_COPY, failed.year(), null).get(1);
        assertThat(renamed.certifierName()).isEqualTo("Nguyễn Văn An");
        assertThat(renamed.certifierTitle()).isEqualTo("Phó Chủ tịch UBND xã");
        assertThat(next.number()).isEqualTo(2);

        // the void is in the audit log, whose chain holds until someone edits an entry
        AuditLog audit = new AuditLog(jdbc, Clock.systemUTC(), AuditKey.of(new byte[32]));
        assertThat(audit.verify().intact()).isTrue();
        assertThat(audit.verify().checked()).isEqualTo(1);
        jdbc.sql("update audit_log set detail = 'nothing happened' where seq = 1").update();
        AuditLog.Verification broken = audit.verify();
        assertThat(broken.intact()).isFalse();
        assertThat(broken.brokenAt()).isEqualTo(1);
        assertThat(broken.problem()).contains("changed after it was written");
    }

    @Test
    void numbersLeftPendingByACrashAreSettledVoidAfterTheGracePeriod() {
        Register before = register(Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneOffset.UTC));
        Register.Reservation interrupted = before.reserve(AGENCY, RegisterKind.ELECTRONIC_COPY, DOCUMENT,
                CERTIFIER, 1, REQUESTER, before.now());
        Register fiveMinutesLater = register(Clock.fixed(Instant.parse("2026-11-30T01:05:00Z"), ZoneOffset.UTC));
        assertThat(fiveMinutesLater.settleInterrupted(Duration.ofMinutes(10))).isZero();

        Register anHourLater = register(Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC));
        assertThat(anHourLater.settleInterrupted(Duration.ofMinutes(10))).isEqualTo(1);
        // the settled void is audited like any other, once, whichever node settles it
        assertThat(anHourLater.settleInterrupted(Duration.ofMinutes(10))).isZero();
        assertThat(jdbc.sql("select action || ' ' || subject from audit_log").query(String.class).list())
                .containsExactly("REGISTER_NUMBER_VOIDED " + RegisterKind.ELECTRONIC_COPY.code() + " "
                        + interrupted.number() + "/" + interrupted.year());

        Register.Entry entry = anHourLater.entries(AGENCY, RegisterKind.ELECTRONIC_COPY, interrupted.year(), null)
                .get(0);
        assertThat(entry.status()).isEqualTo(RegisterEntryStatus.VOID);
        assertThat(entry.voidReason()).contains("interrupted");
        // a certification still signing under that number (a node slower than the grace period) cannot issue it
        // any more: a conflict the certifier can act on, and the number stays VOID
        assertThatThrownBy(() -> anHourLater.markIssued(interrupted)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("number " + interrupted.number() + "/" + interrupted.year())
                .hasMessageContaining("certify again");
        // and its failure voids nothing more: the entry keeps the first reason, the audit log gains no second void
        long audited = jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        anHourLater.markVoid(interrupted, "ConflictException: closed as interrupted");
        Register.Entry settled = anHourLater.entries(AGENCY, RegisterKind.ELECTRONIC_COPY, interrupted.year(), null)
                .get(0);
        assertThat(settled.status()).isEqualTo(RegisterEntryStatus.VOID);
        assertThat(settled.voidReason()).contains("interrupted before its copy was recorded");
        assertThat(jdbc.sql("select count(*) from audit_log").query(Long.class).single()).isEqualTo(audited);
    }


}
