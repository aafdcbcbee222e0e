package vn.sohoa.app;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The end-to-end path on the embedded default database: an H2 file under the data directory. */
class H2EndToEndTest extends EndToEndTest {

    static final int PORT = freePort();

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, PORT, temporaryHome());
    }
}
