package vn.sohoa.app.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Random 256-bit keys the service makes for itself, kept in the database so that every node uses the same: made by
 * whichever node needs one first (a second node racing it reads the first one's), then cached.
 */
@Component
class ServiceSecrets {

    /** What a key is for; its name is the row's key. */
    enum Purpose {
        BASIC_CSRF
    }

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();
    private final Map<Purpose, byte[]> cache = new ConcurrentHashMap<>();

    ServiceSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    byte[] key(Purpose purpose) {
        return cache.computeIfAbsent(purpose, this::loadOrMake).clone();
    }

    private byte[] loadOrMake(Purpose purpose) {
        var stored = jdbc.sql("select secret from service_secrets where name = ?").param(purpose.name())
                .query(String.class).optional();
        if (stored.isPresent()) {
            return Base64.getDecoder().decode(stored.get());
        }
        byte[] made = new byte[32];
        random.nextBytes(made);
        try {
            jdbc.sql("insert into service_secrets (name, secret) values (?, ?)")
                    .params(purpose.name(), Base64.getEncoder().encodeToString(made)).update();
            return made;
        } catch (DuplicateKeyException raced) {
            return Base64.getDecoder().decode(jdbc.sql("select secret from service_secrets where name = ?")
                    .param(purpose.name()).query(String.class).single());
        }
    }
}
