package vn.sohoa.app.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.core.util.Sha256;

/**
 * The append-only audit log. Each entry's MAC (HMAC-SHA256 under {@link AuditKey}, kept outside the database) covers
 * its fields and the previous entry's, so the chain shows any entry changed, removed or slipped in ({@link #verify}),
 * and nobody who can only write to the database can rewrite the chain after a change. Appends join the caller's
 * transaction: an action and its entry are recorded together or not at all. A log written before the chain was keyed
 * is keyed once ({@link #keyExistingEntries}), if its plain SHA-256 chain is intact.
 */
@Component
public class AuditLog {

    static final String GENESIS = "0".repeat(64);

    /** One entry as stored. */
    public record Entry(long seq, OffsetDateTime occurredAt, String actor, String agencyCode, AuditAction action,
                        String subject, String detail, String previousHash, String hash) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditKey key;
    /** Whether the log is known to be keyed; until then the first append keys it (a log of an older version). */
    private volatile boolean keyedKnown;

    public AuditLog(JdbcClient jdbc, Clock clock, AuditKey key) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.key = key;
    }

    /** Appends an entry, in the caller's transaction or a new one. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String agencyCode, AuditAction action, String subject, String detail) {
        if (!keyedKnown) {
            keyedKnown = keyExistingEntries();
        }
        var head = jdbc.sql("select seq, hash from audit_head where id = 1 for update")
                .query((rs, n) -> new Object[]{rs.getLong("seq"), rs.getString("hash")}).single();
        long seq = (long) head[0] + 1;
        String previous = (String) head[1];
        OffsetDateTime at = OffsetDateTime.now(clock).withNano(0).withOffsetSameInstant(VietnamTime.OFFSET);
        String bounded = detail == null ? null : detail.length() > 2000 ? detail.substring(0, 1999) + "…" : detail;
        String hash = key.mac(canonical(seq, at, actor, agencyCode, action, subject, bounded, previous));
        jdbc.sql("insert into audit_log (seq, occurred_at, actor, agency_code, action, subject, detail, previous_hash, "
                        + "hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seq, at, actor, agencyCode, action.name(), subject, bounded, previous, hash).update();
        jdbc.sql("update audit_head set seq = ?, hash = ? where id = 1").params(seq, hash).update();
    }

    /** What {@link #verify} found: entries checked and the first that breaks the chain, if any. */
    public record Verification(long checked, Long brokenAt, String problem) {
        public boolean intact() {
            return brokenAt == null;
        }
    }

    /** Walks the chain from the first entry and recomputes every MAC. */
    public Verification verify() {
        if (!keyed()) {
            return new Verification(0, 1L, "the log is not keyed: its entries were written before the key, and their "
                    + "plain chain did not hold when the key came, so they were left as they were");
        }
        long[] checked = {0};
        String[] previous = {GENESIS};
        long[] expectedSeq = {1};
        List<String> problem = new ArrayList<>();
        Long[] brokenAt = {null};
        each(entry -> {
            if (brokenAt[0] != null) {
                return;
            }
            if (entry.seq() != expectedSeq[0]) {
                brokenAt[0] = expectedSeq[0];
                problem.add("entry " + expectedSeq[0] + " is missing");
            } else if (!entry.previousHash().equals(previous[0])) {
                brokenAt[0] = entry.seq();
                problem.add("entry " + entry.seq() + " does not follow the entry before it");
            } else if (!entry.hash().equals(key.mac(canonical(entry)))) {
                brokenAt[0] = entry.seq();
                problem.add("entry " + entry.seq() + " was changed after it was written");
            }
            checked[0]++;
            previous[0] = entry.hash();
            expectedSeq[0] = entry.seq() + 1;
        });
        if (brokenAt[0] == null) {
            var head = jdbc.sql("select seq, hash from audit_head where id = 1")
                    .query((rs, n) -> new Object[]{rs.getLong("seq"), rs.getString("hash")}).single();
            if ((long) head[0] != expectedSeq[0] - 1 || !head[1].equals(previous[0])) {
                brokenAt[0] = expectedSeq[0];
                problem.add("the log ends at entry " + (expectedSeq[0] - 1) + " but " + head[0]
                        + " were written: the last entries were removed");
            }
        }
        return new Verification(checked[0], brokenAt[0], problem.isEmpty() ? null : problem.get(0));
    }

    /** Every entry in order, streamed. */
    public void each(Consumer<Entry> consumer) {
        jdbc.sql("select * from audit_log order by seq").query(rs -> {
            consumer.accept(new Entry(rs.getLong("seq"),
                    VietnamTime.of(rs.getObject("occurred_at", OffsetDateTime.class)), rs.getString("actor"),
                    rs.getString("agency_code"), AuditAction.valueOf(rs.getString("action")),
                    rs.getString("subject"), rs.getString("detail"), rs.getString("previous_hash"),
                    rs.getString("hash")));
        });
    }

    private boolean keyed() {
        return jdbc.sql("select keyed from audit_head where id = 1").query(Boolean.class).single();
    }

    /**
     * Keys a log written before the chain had a key: when its plain SHA-256 chain is intact, every entry is hashed
     * again with the key, in one transaction under the head's lock. A broken plain chain is left as it is (and
     * {@link #verify} then reports the log unkeyed). Returns whether the log is keyed afterwards.
     */
    @Transactional
    public boolean keyExistingEntries() {
        jdbc.sql("select seq from audit_head where id = 1 for update").query(Long.class).single();
        if (keyed()) {
            return true;
        }
        List<Entry> entries = new ArrayList<>();
        each(entries::add);
        String previous = GENESIS;
        long expected = 1;
        for (Entry entry : entries) {
            if (entry.seq() != expected || !entry.previousHash().equals(previous)
                    || !entry.hash().equals(Sha256.hex(canonical(entry).getBytes(StandardCharsets.UTF_8)))) {
                return false;
            }
            previous = entry.hash();
            expected++;
        }
        previous = GENESIS;
        for (Entry entry : entries) {
            String keyedHash = key.mac(canonical(entry.seq(), entry.occurredAt(), entry.actor(), entry.agencyCode(),
                    entry.action(), entry.subject(), entry.detail(), previous));
            jdbc.sql("update audit_log set previous_hash = ?, hash = ? where seq = ?")
                    .params(previous, keyedHash, entry.seq()).update();
            previous = keyedHash;
        }
        jdbc.sql("update audit_head set hash = ?, keyed = true where id = 1").param(previous).update();
        return true;
    }

    private static String canonical(Entry entry) {
        return canonical(entry.seq(), entry.occurredAt(), entry.actor(), entry.agencyCode(), entry.action(),
                entry.subject(), entry.detail(), entry.previousHash());
    }

    public static String canonical(long seq, OffsetDateTime at, String actor, String agencyCode, AuditAction action,
                            String subject, String detail, String previous) {
        return String.join("\u001f", String.valueOf(seq),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.withOffsetSameInstant(VietnamTime.OFFSET)), actor,
                agencyCode == null ? "" : agencyCode, action.name(), subject == null ? "" : subject,
                detail == null ? "" : detail, previous);
    }
}
