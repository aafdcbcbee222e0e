package vn.sohoa.app.node;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A web node takes no job: db-scheduler's executor is turned off before the application starts (the web node then
 * only puts jobs on the queue, through {@link WebNodeJobs}). Runs after the configuration files are read, so the role
 * may come from any of them, the environment or the command line.
 */
public class NodeRoleEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String role = environment.getProperty("sohoa.node.role", "both").strip().toUpperCase(Locale.ROOT);
        if (NodeRole.WEB.name().equals(role)) {
            environment.getPropertySources().addFirst(new MapPropertySource("sohoa-node-role",
                    Map.of("db-scheduler.enabled", "false")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
