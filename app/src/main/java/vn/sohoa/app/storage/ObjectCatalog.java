package vn.sohoa.app.storage;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.sohoa.core.storage.IntegrityException;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.StoredObject;

/** The database's record of every object written: key, SHA-256 and size as read back after the write. */
@Repository
public class ObjectCatalog {

    private final JdbcClient jdbc;

    ObjectCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a stored object. An object recorded already (a restore puts back what the restored database lists) is
     * accepted when its content is the same, and refused when it differs.
     */
    void record(StoredObject object) {
        Optional<String> known = jdbc.sql("select sha256 from stored_objects where object_key = ?")
                .param(object.key().toString()).query(String.class).optional();
        if (known.isPresent()) {
            if (!known.get().equals(object.sha256())) {
                throw new IntegrityException(object.key(), known.get(), object.sha256());
            }
            return;
        }
        jdbc.sql("insert into stored_objects (object_key, sha256, size_bytes, content_type) values (?, ?, ?, ?)")
                .params(object.key().toString(), object.sha256(), object.size(),
                        object.contentType() == null ? "application/octet-stream" : object.contentType())
                .update();
    }

    public long count() {
        return jdbc.sql("select count(*) from stored_objects").query(Long.class).single();
    }

    /** Every recorded object in key order, in pages, so a large catalog never sits in memory at once. */
    public void forEach(Consumer<StoredObject> action) {
        String after = "";
        while (true) {
            List<StoredObject> page = jdbc.sql("select object_key, sha256, size_bytes, content_type from stored_objects "
                            + "where object_key > ? order by object_key limit 500")
                    .param(after)
                    .query((rs, n) -> new StoredObject(ObjectKey.parse(rs.getString("object_key")),
                            rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("content_type")))
                    .list();
            if (page.isEmpty()) {
                return;
            }
            page.forEach(action);
            after = page.get(page.size() - 1).key().toString();
        }
    }
}
