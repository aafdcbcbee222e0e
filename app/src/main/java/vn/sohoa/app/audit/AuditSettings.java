package vn.sohoa.app.audit;

import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.sohoa.app.config.SohoaProperties;

/**
 * The audit log, prefix {@code sohoa.audit}.
 *
 * @param keyFile        the chain's HMAC key (made on first start, 0600); keep it outside the database and its
 *                       backups, on every node the same; default {@code <home>/audit-key}
 * @param anchorInterval how often the chain's head is anchored as a time-stamped object in the certified-copy
 *                       bucket (when it has moved since)
 */
@ConfigurationProperties("sohoa.audit")
public record AuditSettings(Path keyFile, @DefaultValue("1h") Duration anchorInterval) {

    @Configuration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        AuditKey auditKey(AuditSettings settings, SohoaProperties properties) {
            return AuditKey.fromFile(settings.keyFile() != null ? settings.keyFile()
                    : properties.home().resolve("audit-key"));
        }

        /**
         * A log written by an older version is keyed at the service's start, if its plain chain holds (not by the
         * command-line tools: a restore starts on an empty database and before the audit key is back).
         */
        @Bean
        @ConditionalOnProperty(name = "sohoa.tool", havingValue = "false", matchIfMissing = true)
        ApplicationRunner keyTheAuditLog(AuditLog log) {
            return arguments -> {
                if (!log.keyExistingEntries()) {
                    LoggerFactory.getLogger(AuditLog.class).error("the audit log's plain chain is broken: "
                            + "it was not keyed; `sohoa audit verify` shows where");
                }
            };
        }
    }
}
