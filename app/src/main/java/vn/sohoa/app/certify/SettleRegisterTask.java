package vn.sohoa.app.certify;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import vn.sohoa.app.config.SohoaProperties;

/**
 * Settles register numbers left pending by a node that stopped mid-certification or by a certifier who never
 * returned an external signature, every {@code sohoa.certification.settle-every} (a minute) on one node of the cluster (db-scheduler runs a recurring task
 * once, wherever it is free).
 */
@Configuration(proxyBeanMethods = false)
class SettleRegisterTask {

    @Bean
    RecurringTask<Void> settleInterruptedRegisterEntries(Register register, SigningSessions sessions,
                                                         CertificationSettings settings) {
        Duration interruptedAfter = settings.interruptedAfter();
        return Tasks.recurring("settle-register-entries", FixedDelay.of(settings.settleEvery()))
                .execute((instance, context) -> {
                    sessions.expire(register.now().toOffsetDateTime());
                    register.settleInterrupted(interruptedAfter);
                });
    }
}
