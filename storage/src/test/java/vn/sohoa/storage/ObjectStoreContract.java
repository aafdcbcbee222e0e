package vn.sohoa.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.sohoa.core.storage.Bucket;
import vn.sohoa.core.storage.IntegrityException;
import vn.sohoa.core.storage.ObjectAlreadyExistsException;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;
import vn.sohoa.core.storage.StoredObject;
import vn.sohoa.core.util.Sha256;

/**
 * What every {@link ObjectStore} backend must do. A backend's test implements this interface and supplies the store;
 * the tests run against a real server over HTTP.
 */
interface ObjectStoreContract {

    ObjectStore store();

    default ObjectKey uniqueKey(Bucket bucket) {
        return new ObjectKey(bucket, "000.00.30.H42/2026/000.00.30.H42-261123-0001/" + UUID.randomUUID() + "/scan-1.png");
    }

    @Test
    default void storesAndReadsBackWithItsSha256() {
        ObjectKey key = uniqueKey(Bucket.RAW_SCANS);
        byte[] content = "trang 1".getBytes(StandardCharsets.UTF_8);

        StoredObject stored = store().putNew(key, content, "image/png", Map.of("uploaded-by", "clerk"));

        assertThat(stored.sha256()).isEqualTo(Sha256.hex(content));
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(store().stat(key)).contains(stored);
        assertThat(store().readVerified(key, stored.sha256())).isEqualTo(content);
    }

    @Test
    default void neverOverwrites() {
        ObjectKey key = uniqueKey(Bucket.CERTIFIED_COPIES);
        byte[] first = "%PDF-1.7 first".getBytes(StandardCharsets.US_ASCII);
        StoredObject stored = store().putNew(key, first, "application/pdf", Map.of());

        assertThatThrownBy(() -> store().putNew(key, "%PDF-1.7 second".getBytes(StandardCharsets.US_ASCII),
                "application/pdf", Map.of())).isInstanceOf(ObjectAlreadyExistsException.class);
        assertThat(store().readVerified(key, stored.sha256())).isEqualTo(first);
    }

    @Test
    default void vietnameseMetadataIsStoredAsAscii() {
        ObjectKey key = uniqueKey(Bucket.RAW_SCANS);
        StoredObject stored = store().putNew(key, new byte[]{1, 2, 3}, "image/png",
                Map.of("title", "Hợp đồng thuê nhà"));
        assertThat(store().readVerified(key, stored.sha256())).containsExactly(1, 2, 3);
    }

    @Test
    default void aWrongChecksumIsReportedAsCorruption() {
        ObjectKey key = uniqueKey(Bucket.DIGITIZED);
        store().putNew(key, new byte[]{9}, "application/pdf", Map.of());
        assertThatThrownBy(() -> store().readVerified(key, Sha256.hex(new byte[]{8})))
                .isInstanceOf(IntegrityException.class);
    }

    @Test
    default void aMissingObjectHasNoStat() {
        assertThat(store().stat(uniqueKey(Bucket.RAW_SCANS))).isEmpty();
    }

    @Test
    default void presignedLinkServesTheObject() throws Exception {
        ObjectKey key = uniqueKey(Bucket.CERTIFIED_COPIES);
        store().putNew(key, "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "application/pdf", Map.of());

        String url = store().presignedGetUrl(key, Duration.ofMinutes(5));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("%PDF-1.7");
        assertThat(url).contains("X-Amz-Expires=300");
    }

    @Test
    default void reportsItselfAvailable() {
        assertThat(store().isAvailable()).isTrue();
    }
}
