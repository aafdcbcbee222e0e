package vn.sohoa.app.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.core.storage.Bucket;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.util.Sha256;
import vn.sohoa.signing.tsa.TimestampAuthority;

/**
 * Anchors of the audit chain outside the database: every {@code sohoa.audit.anchor-interval}, when the chain has
 * grown, its head (entry number and MAC) is time-stamped by the time-stamping authority and written as a new object
 * {@code audit-anchors/<n>.json} in the certified-copy bucket (never overwritten; under Object Lock where the store
 * has it). Someone who rewrites or cuts the log, even with its key, no longer matches what was anchored before.
 * {@link #verify} walks the anchors in the store, not a list kept in the database.
 */
@Component
public class AuditAnchors {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PREFIX = "audit-anchors/";

    private final JdbcClient jdbc;
    private final ObjectStore store;
    private final TimestampAuthority timestamps;
    private final Clock clock;

    AuditAnchors(JdbcClient jdbc, ObjectStore store, TimestampAuthority timestamps, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.timestamps = timestamps;
        this.clock = clock;
    }

    /** An anchor as stored. */
    record Anchor(long anchor, long seq, String hash) {
    }

    /** Anchors the head if the chain has grown since the last anchor; returns the new anchor's number, or 0. */
    public long anchor() {
        var head = jdbc.sql("select seq, hash from audit_head where id = 1")
                .query((rs, n) -> new Anchor(0, rs.getLong("seq"), rs.getString("hash"))).single();
        var last = jdbc.sql("select anchor, seq, hash from audit_anchors order by anchor desc limit 1")
                .query((rs, n) -> new Anchor(rs.getLong("anchor"), rs.getLong("seq"), rs.getString("hash")))
                .optional();
        if (head.seq() == 0 || (last.isPresent() && last.get().seq() == head.seq())) {
            return 0;
        }
        long number = last.map(Anchor::anchor).orElse(0L) + 1;
        OffsetDateTime at = VietnamTime.now(clock);
        byte[] token = timestamps.timestamp(imprint(number, head.seq(), head.hash()));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("anchor", number);
        content.put("seq", head.seq());
        content.put("hash", head.hash());
        content.put("anchoredAt", at.toString());
        content.put("timestampToken", Base64.getEncoder().encodeToString(token));
        ObjectKey key = key(number);
        store.putNew(key, JSON.writeValueAsBytes(content), "application/json", Map.of("kind", "audit-anchor"));
        jdbc.sql("insert into audit_anchors (anchor, seq, hash, object_key, anchored_at) values (?, ?, ?, ?, ?)")
                .params(number, head.seq(), head.hash(), key.toString(), at).update();
        return number;
    }

    /** What the anchors say of the log: how many were checked, and the first disagreement, if any. */
    public record Verification(long anchors, String problem) {
        public boolean intact() {
            return problem == null;
        }
    }

    /** Reads every anchor from the store, checks its time-stamp, and compares it with the log as it is now. */
    public Verification verify() {
        long head = jdbc.sql("select seq from audit_head where id = 1").query(Long.class).single();
        long checked = 0;
        for (long number = 1; store.stat(key(number)).isPresent(); number++) {
            JsonNode anchor;
            try (InputStream in = store.open(key(number))) {
                anchor = JSON.readTree(in.readAllBytes());
            } catch (IOException e) {
                return new Verification(checked, "anchor " + number + " cannot be read: " + e.getMessage());
            }
            long seq = anchor.get("seq").asLong();
            String hash = anchor.get("hash").asString();
            String timestampProblem = checkTimestamp(Base64.getDecoder().decode(anchor.get("timestampToken")
                    .asString()), imprint(number, seq, hash));
            if (timestampProblem != null) {
                return new Verification(checked, "anchor " + number + ": " + timestampProblem);
            }
            if (seq > head) {
                return new Verification(checked, "anchor " + number + " was made at entry " + seq + " but the log "
                        + "ends at entry " + head + ": entries were removed");
            }
            String now = jdbc.sql("select hash from audit_log where seq = ?").param(seq).query(String.class)
                    .optional().orElse(null);
            if (!hash.equals(now)) {
                return new Verification(checked, "entry " + seq + " is not what anchor " + number + " recorded "
                        + "outside the database: the log was rewritten up to there");
            }
            checked++;
        }
        return new Verification(checked, null);
    }

    private static String checkTimestamp(byte[] encoded, byte[] imprint) {
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(encoded));
            if (!Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(), imprint)) {
                return "its time-stamp is over other data";
            }
            @SuppressWarnings("unchecked")
            var certificates = token.getCertificates().getMatches(token.getSID());
            if (certificates.isEmpty()) {
                return "its time-stamp carries no signer certificate";
            }
            X509CertificateHolder signer = (X509CertificateHolder) certificates.iterator().next();
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
            return null;
        } catch (IOException | GeneralSecurityException | TSPException | CMSException | OperatorCreationException e) {
            return "its time-stamp does not verify: " + e.getMessage();
        }
    }

    static ObjectKey key(long number) {
        return new ObjectKey(Bucket.CERTIFIED_COPIES, PREFIX + String.format("%08d", number) + ".json");
    }

    static byte[] imprint(long anchor, long seq, String hash) {
        return HexFormat.of().parseHex(Sha256.hex(("sohoa-audit-anchor\u001f" + anchor + "\u001f" + seq
                + "\u001f" + hash).getBytes(StandardCharsets.UTF_8)));
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        /** On one node of the cluster at a time, like every recurring task. */
        @Bean
        RecurringTask<Void> anchorTheAuditLog(AuditAnchors anchors, AuditSettings settings) {
            return Tasks.recurring("anchor-audit-log", FixedDelay.of(settings.anchorInterval()))
                    .execute((instance, context) -> anchors.anchor());
        }
    }
}
