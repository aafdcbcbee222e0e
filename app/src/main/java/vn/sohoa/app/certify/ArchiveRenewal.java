package vn.sohoa.app.certify;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StoredObject;
import vn.sohoa.signing.pades.PadesSigner;

/**
 * Keeps PAdES-BASELINE-LTA copies verifiable: before the certificate of a copy's last archive time-stamp expires,
 * its validation data and a new archive time-stamp are added, and the result stored as the copy's next version
 * (stored objects are never overwritten; every version stays). Runs daily on one node; a copy that fails is tried
 * again the next day, and the failure logged.
 */
@Component
public class ArchiveRenewal {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveRenewal.class);
    private static final int BATCH = 500;

    private final CertificationRepository certifications;
    private final CertifiedCopies copies;
    private final PadesSigner signer;
    private final ObjectStore store;
    private final TransactionTemplate transaction;
    private final Register register;
    private final Duration margin;

    ArchiveRenewal(CertificationRepository certifications, CertifiedCopies copies, PadesSigner signer,
                   ObjectStore store, TransactionTemplate transaction, Register register,
                   CertificationSettings settings) {
        this.certifications = certifications;
        this.copies = copies;
        this.signer = signer;
        this.store = store;
        this.transaction = transaction;
        this.register = register;
        this.margin = settings.archiveRenewalMargin();
    }

    /** Renews every copy whose archive time-stamp expires within the margin; returns how many were renewed. */
    public int renewDue() {
        OffsetDateTime now = register.now().toOffsetDateTime();
        List<String> due = certifications.archivesExpiringBefore(now.plus(margin), BATCH);
        int renewed = 0;
        for (String id : due) {
            try {
                renew(id, now);
                renewed++;
            } catch (RuntimeException e) {
                LOG.error("could not renew the archive time-stamp of certified copy {}; next try tomorrow", id, e);
            }
        }
        return renewed;
    }

    private void renew(String id, OffsetDateTime now) {
        Certification copy = certifications.find(id).orElseThrow();
        byte[] renewedPdf = signer.extendToLongTermArchive(copies.latestVersion(copy));
        OffsetDateTime expiresAt = PadesSigner.lastDocumentTimestampExpiry(renewedPdf).orElseThrow()
                .atOffset(VietnamTime.OFFSET);
        int sequence = certifications.renewals(id).size() + 1;
        ObjectKey original = ObjectKey.parse(copy.objectKey());
        ObjectKey key = new ObjectKey(original.bucket(),
                original.name().replaceFirst("\\.pdf$", "") + "-archive-" + sequence + ".pdf");
        StoredObject stored = store.putNew(key, renewedPdf, "application/pdf", Map.of("certification-id", id,
                "archive-renewal", String.valueOf(sequence)));
        transaction.executeWithoutResult(status -> certifications.insertRenewal(new CertificationRepository.Renewal(
                id, sequence, key.toString(), stored.sha256(), stored.size(), now, expiresAt)));
        LOG.info("renewed the archive time-stamp of certified copy {} (version {}, valid until {})", id,
                sequence + 1, expiresAt);
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        @Bean
        RecurringTask<Void> renewArchiveTimestamps(ArchiveRenewal renewal) {
            return Tasks.recurring("renew-archive-timestamps", FixedDelay.of(Duration.ofDays(1)))
                    .execute((instance, context) -> renewal.renewDue());
        }
    }
}
