package vn.sohoa.app.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import vn.sohoa.app.agency.AgencyRepository;
import vn.sohoa.app.certify.Certification;
import vn.sohoa.app.certify.CertifiedCopies;
import vn.sohoa.app.config.BackoffThenGiveUp;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.storage.PresignedLinks;
import vn.sohoa.core.net.OutboundHttp;
import vn.sohoa.core.storage.ObjectKey;

/**
 * Sends one delivery of the outbox: by e-mail, the signed copy attached (or, above
 * {@code sohoa.delivery.max-attachment-size}, a time-limited download link); to the portal, through the
 * {@link CitizenDataStore}. A failure is retried with doubling delays (the durable-job settings) and given up after
 * the last attempt; the copy's deliveries show each one's state.
 */
@Configuration(proxyBeanMethods = false)
class DeliverCopy {

    static final TaskDescriptor<String> TASK = TaskDescriptor.of("deliver-copy", String.class);

    @Bean
    OneTimeTask<String> deliverCopyTask(JdbcClient jdbc, CertifiedCopies copies, AgencyRepository agencies,
                                        PresignedLinks links, DeliverySettings settings,
                                        ObjectProvider<JavaMailSender> mail, ObjectProvider<CitizenDataStore> portal,
                                        SohoaProperties properties, Clock clock) {
        return Tasks.oneTime(TASK)
                .onFailure(new BackoffThenGiveUp(properties.jobs(), "copy delivery", (id, why) ->
                        jdbc.sql("update copy_deliveries set gave_up_at = ?, last_error = ? where id = ?")
                                .params(OffsetDateTime.now(clock), limit(why), id).update()))
                .execute((instance, context) -> {
                    String id = instance.getData();
                    record Pending(String certificationId, DeliveryChannel channel, String recipient, boolean done) {
                    }
                    Pending pending = jdbc.sql("select * from copy_deliveries where id = ?").param(id)
                            .query((rs, n) -> new Pending(rs.getString("certification_id"),
                                    DeliveryChannel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                                    rs.getObject("delivered_at") != null))
                            .optional().orElse(null);
                    if (pending == null || pending.done()) {
                        return; // gone, or delivered by an attempt that crashed before its job completed
                    }
                    jdbc.sql("update copy_deliveries set attempts = attempts + 1 where id = ?").param(id).update();
                    Certification copy = copies.system(pending.certificationId());
                    String agencyName = agencies.find(copy.agencyCode()).map(a -> a.name()).orElse(copy.agencyCode());
                    String paperTitle = copies.paperTitle(copy);
                    try {
                        switch (pending.channel()) {
                            case EMAIL -> email(mail.getIfAvailable(), settings, links, copies, copy, agencyName,
                                    paperTitle, pending.recipient());
                            case PORTAL -> {
                                CitizenDataStore store = portal.getIfAvailable();
                                if (store == null) {
                                    throw new IllegalStateException("no portal connector is configured "
                                            + "(sohoa.delivery.portal-url)");
                                }
                                store.file(new CitizenDataStore.CopyForCitizen(copy.id(),
                                        copy.requester().idNumber(), copy.requester().idType().name(),
                                        copy.requester().fullName(), paperTitle, copy.registerNumber(), copy.book(),
                                        copy.agencyCode(), agencyName, copy.certifiedAt().toString(), copy.sha256(),
                                        copies.file(copy)));
                            }
                        }
                    } catch (RuntimeException e) {
                        jdbc.sql("update copy_deliveries set last_error = ? where id = ?")
                                .params(limit(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                                        id).update();
                        throw e;
                    }
                    jdbc.sql("update copy_deliveries set delivered_at = ?, last_error = null where id = ?")
                            .params(OffsetDateTime.now(clock), id).update();
                });
    }

    @Bean
    @ConditionalOnProperty("sohoa.delivery.portal-url")
    CitizenDataStore citizenDataStore(DeliverySettings settings, OutboundHttp outbound) {
        return new HttpCitizenDataStore(settings.portalUrl(), settings.portalToken(), outbound);
    }

    private static void email(JavaMailSender sender, DeliverySettings settings, PresignedLinks links,
                              CertifiedCopies copies, Certification copy, String agencyName, String paperTitle,
                              String recipient) {
        if (sender == null) {
            throw new IllegalStateException("e-mail delivery is on but no SMTP server is configured (spring.mail.host)");
        }
        byte[] pdf = copies.file(copy);
        boolean attach = pdf.length <= settings.maxAttachmentSize().toBytes();
        String day = copy.certifiedAt().atZoneSameInstant(VietnamTime.ZONE).toLocalDate().toString();
        StringBuilder text = new StringBuilder()
                .append("Kính gửi ").append(copy.requester().fullName()).append(",\n\n")
                .append(agencyName).append(" gửi bản sao điện tử được chứng thực từ bản chính của giấy tờ \"")
                .append(paperTitle).append("\", số chứng thực ").append(copy.registerNumber()).append(", quyển số ")
                .append(copy.book()).append(", ngày ").append(day).append(".\n");
        if (attach) {
            text.append("Bản sao (PDF có hai chữ ký số) được đính kèm thư này.\n");
        } else {
            PresignedLinks.Link link = links.issueForDelivery(ObjectKey.parse(copy.objectKey()), "copy " + copy.id(),
                    copy.agencyCode(), settings.linkLifetime());
            text.append("Bản sao lớn hơn giới hạn đính kèm; tải về tại: ").append(link.url())
                    .append(" (hết hạn lúc ").append(link.expiresAt()).append(").\n");
        }
        if (copy.verificationCode() != null) {
            text.append("Mã kiểm tra: ").append(copy.verificationCode()).append('\n');
        }
        text.append("\nDear ").append(copy.requester().fullName()).append(", the electronic certified copy of \"")
                .append(paperTitle).append("\" (no. ").append(copy.registerNumber()).append(", book ")
                .append(copy.book()).append(") is ").append(attach ? "attached." : "at the link above.")
                .append("\n\n").append(agencyName).append('\n');
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, attach, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(recipient);
            helper.setSubject("Bản sao điện tử chứng thực số " + copy.registerNumber() + " – " + paperTitle);
            helper.setText(text.toString());
            if (attach) {
                helper.addAttachment("ban-sao-" + copy.registerNumber() + "-" + copy.copyIndex() + ".pdf",
                        new ByteArrayResource(pdf), "application/pdf");
            }
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw new IllegalStateException("e-mail to the requester failed: " + e.getMessage(), e);
        }
    }

    private static String limit(String text) {
        return text.length() > 1900 ? text.substring(0, 1900) : text;
    }
}
