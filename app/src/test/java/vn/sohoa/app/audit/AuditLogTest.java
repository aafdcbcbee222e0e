package vn.sohoa.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.sohoa.app.TestDatabases;
import vn.sohoa.core.util.Sha256;

/** The keyed chain, on the service's own database schema (H2, migrated as embedded). */
class AuditLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneOffset.UTC);

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void someoneWhoCanWriteTheDatabaseButHasNoKeyCannotRewriteTheChain() {
        JdbcClient jdbc = JdbcClient.create(TestDatabases.migratedH2("audit-keyed"));
        AuditLog log = new AuditLog(jdbc, CLOCK, AuditKey.of(key(1)));
        log.record("certifier", "000.00.30.H42", AuditAction.COPY_CERTIFIED, "copy 1", "number 1");
        log.record("clerk", "000.00.30.H42", AuditAction.SCAN_UPLOADED, "document 2", "2 pages");
        log.record("admin", null, AuditAction.USER_CHANGED, "lan.tran", "role CLERK");
        assertThat(log.verify().intact()).isTrue();

        // the entry changed and the whole chain recomputed, as plain SHA-256 once allowed
        jdbc.sql("update audit_log set detail = 'number 7' where seq = 1").update();
        String previous = AuditLog.GENESIS;
        for (AuditLog.Entry entry : entries(log)) {
            String forged = Sha256.hex(AuditLog.canonical(entry.seq(), entry.occurredAt(), entry.actor(),
                    entry.agencyCode(), entry.action(), entry.subject(), entry.detail(), previous)
                    .getBytes(StandardCharsets.UTF_8));
            jdbc.sql("update audit_log set previous_hash = ?, hash = ? where seq = ?")
                    .params(previous, forged, entry.seq()).update();
            previous = forged;
        }
        jdbc.sql("update audit_head set hash = ? where id = 1").param(previous).update();
        AuditLog.Verification verdict = log.verify();
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.brokenAt()).isEqualTo(1);
        // and with another key, as a forger who guessed, the same
        assertThat(new AuditLog(jdbc, CLOCK, AuditKey.of(key(2))).verify().intact()).isFalse();
    }

    @Test
    void aLogOfAnOlderVersionIsKeyedOnceIfItsPlainChainHolds() {
        JdbcClient jdbc = JdbcClient.create(TestDatabases.migratedH2("audit-legacy"));
        writeLegacy(jdbc, 3);
        AuditLog log = new AuditLog(jdbc, CLOCK, AuditKey.of(key(3)));
        assertThat(log.verify().intact()).as("not keyed yet").isFalse();
        assertThat(log.keyExistingEntries()).isTrue();
        assertThat(log.verify().intact()).isTrue();
        assertThat(log.verify().checked()).isEqualTo(3);
        log.record("admin", null, AuditAction.USER_CHANGED, "lan.tran", "after the upgrade");
        assertThat(log.verify().checked()).isEqualTo(4);

        JdbcClient broken = JdbcClient.create(TestDatabases.migratedH2("audit-legacy-broken"));
        writeLegacy(broken, 3);
        broken.sql("update audit_log set actor = 'someone-else' where seq = 2").update();
        AuditLog brokenLog = new AuditLog(broken, CLOCK, AuditKey.of(key(3)));
        assertThat(brokenLog.keyExistingEntries()).as("a broken plain chain is not keyed over").isFalse();
        assertThat(brokenLog.verify().problem()).contains("not keyed");
    }

    private static List<AuditLog.Entry> entries(AuditLog log) {
        List<AuditLog.Entry> entries = new ArrayList<>();
        log.each(entries::add);
        return entries;
    }

    /** Entries as a version before the key wrote them: plain SHA-256, the head not keyed. */
    private static void writeLegacy(JdbcClient jdbc, int count) {
        String previous = AuditLog.GENESIS;
        for (int seq = 1; seq <= count; seq++) {
            OffsetDateTime at = OffsetDateTime.ofInstant(CLOCK.instant().plusSeconds(seq), ZoneOffset.ofHours(7));
            String hash = Sha256.hex(AuditLog.canonical(seq, at, "clerk", "000.00.30.H42", AuditAction.SCAN_UPLOADED,
                    "document " + seq, "1 page", previous).getBytes(StandardCharsets.UTF_8));
            jdbc.sql("insert into audit_log (seq, occurred_at, actor, agency_code, action, subject, detail, "
                    + "previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)").params(seq, at, "clerk",
                    "000.00.30.H42", "SCAN_UPLOADED", "document " + seq, "1 page", previous, hash).update();
            previous = hash;
        }
        jdbc.sql("update audit_head set seq = ?, hash = ?, keyed = false where id = 1").params(count, previous)
                .update();
    }
}
