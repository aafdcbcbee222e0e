package vn.sohoa.app.node;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import vn.sohoa.app.config.JsonTaskData;

/**
 * On a web node (no scheduler of its own) jobs are still put on the shared queue, in the caller's transaction and as
 * JSON, exactly as a scheduler would: the workers take them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sohoa.node.role", havingValue = "web")
class WebNodeJobs {

    @Bean
    SchedulerClient schedulerClient(DataSource dataSource,
                                    Environment environment) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource))
                .serializer(new JsonTaskData())
                .tableName(environment.getProperty("db-scheduler.table-name", "scheduled_tasks"))
                .build();
    }
}
