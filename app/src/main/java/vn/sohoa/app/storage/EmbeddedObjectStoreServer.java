package vn.sohoa.app.storage;

import vn.sohoa.storage.embedded.EmbeddedS3Server;

/** The embedded S3 server when the embedded mode is on; {@code server} is null with an external store. */
public record EmbeddedObjectStoreServer(EmbeddedS3Server server) {

    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
