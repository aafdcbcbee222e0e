package vn.sohoa.app.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable jobs' data (a document's, delivery's or webhook delivery's id) stored as JSON, not as Java
 * serialization: whoever can write a row of the jobs table cannot make a node deserialize an object graph of their
 * choosing. Rows written as Java serialization by an older version are still read, with a filter that lets only
 * strings and numbers through.
 */
public final class JsonTaskData implements Serializer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectInputFilter ONLY_PLAIN_VALUES = ObjectInputFilter.Config.createFilter(
            "maxdepth=2;maxrefs=4;maxbytes=65536;java.lang.String;java.lang.Number;java.lang.Long;java.lang.Integer;!*");

    @Override
    public byte[] serialize(Object data) {
        return JSON.writeValueAsBytes(data);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length > 1 && (bytes[0] & 0xFF) == 0xAC && (bytes[1] & 0xFF) == 0xED) {
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                in.setObjectInputFilter(ONLY_PLAIN_VALUES);
                return type.cast(in.readObject());
            } catch (IOException | ClassNotFoundException e) {
                throw new IllegalStateException("job data of an older version cannot be read as " + type.getName(), e);
            }
        }
        return JSON.readValue(bytes, type);
    }

    @Configuration(proxyBeanMethods = false)
    static class Scheduler {
        @Bean
        DbSchedulerCustomizer jsonTaskData() {
            return new DbSchedulerCustomizer() {
                @Override
                public Optional<Serializer> serializer() {
                    return Optional.of(new JsonTaskData());
                }
            };
        }
    }
}
