package vn.sohoa.app.node;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The node's part in the cluster, prefix {@code sohoa.node}.
 *
 * @param role          what this node does; {@code web} and {@code worker} need PostgreSQL and an external object
 *                      store shared by every node
 * @param shutdownGrace after SIGTERM, how long requests and jobs in progress may take to finish; a job that cannot
 *                      is given back to the queue (also the web server's and db-scheduler's shutdown wait)
 */
@ConfigurationProperties("sohoa.node")
public record NodeSettings(@DefaultValue("BOTH") NodeRole role, @DefaultValue("30s") Duration shutdownGrace) {
}
