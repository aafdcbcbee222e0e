package vn.sohoa.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.kagkarlsson.scheduler.serializer.Serializer;

/** Job data as JSON; old Java-serialized rows read back only when they hold a plain value. */
class JsonTaskDataTest {

    private final JsonTaskData data = new JsonTaskData();

    @Test
    void anIdIsWrittenAsJsonAndReadBack() {
        byte[] written = data.serialize("7f60c2a4-1d2e-4b7a-9c1f-3a5b6c7d8e9f");
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("\"7f60c2a4-1d2e-4b7a-9c1f-3a5b6c7d8e9f\"");
        assertThat(data.deserialize(String.class, written)).isEqualTo("7f60c2a4-1d2e-4b7a-9c1f-3a5b6c7d8e9f");
    }

    @Test
    void anOlderVersionsStringIsReadButNoOtherObjectIs() {
        byte[] legacy = Serializer.DEFAULT_JAVA_SERIALIZER.serialize("document-1");
        assertThat(data.deserialize(String.class, legacy)).isEqualTo("document-1");
        // an object graph (any class but a plain value) planted in the jobs table is not instantiated
        byte[] planted = Serializer.DEFAULT_JAVA_SERIALIZER.serialize(new HashMap<>(Map.of("a", "b")));
        assertThatThrownBy(() -> data.deserialize(String.class, planted)).isInstanceOf(IllegalStateException.class);
    }
}
