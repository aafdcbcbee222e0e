package vn.sohoa.app.node;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.sohoa.app.config.SohoaProperties;

/**
 * A node in a split role shares its database and its objects with the other nodes: it refuses to start on the
 * embedded H2 database or the embedded object store, which only this process can reach.
 */
@Component
class NodeRoleCheck {

    NodeRoleCheck(NodeSettings node, SohoaProperties properties, Environment environment) {
        if (node.role() == NodeRole.BOTH) {
            return;
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:") || properties.storage().mode() == SohoaProperties.StorageMode.EMBEDDED) {
            throw new IllegalStateException("sohoa.node.role=" + node.role().name().toLowerCase() + " needs the "
                    + "database and object store every node shares: set SOHOA_DB_URL (PostgreSQL) and "
                    + "sohoa.storage.mode=external with its endpoint / Máy chủ web hoặc worker cần PostgreSQL và kho "
                    + "đối tượng dùng chung");
        }
    }
}
