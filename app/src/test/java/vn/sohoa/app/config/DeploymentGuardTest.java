package vn.sohoa.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** The service outside development mode: embedded defaults refused, each setting to give named; a real setup starts. */
class DeploymentGuardTest {

    static SohoaProperties properties(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("sohoa", SohoaProperties.class);
    }

    @Test
    void embeddedDefaultsAreRefusedOutsideDevelopmentWithEverySettingNamed() {
        MockEnvironment production = new MockEnvironment();
        SohoaProperties defaults = properties(Map.of());
        assertThatThrownBy(() -> new DeploymentGuard(production, defaults))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sohoa.signing.keys=pkcs11 or pkcs12_directory")
                .hasMessageContaining("sohoa.signing.tsa-url")
                .hasMessageContaining("sohoa.bootstrap.demo-data=false")
                .hasMessageContaining("SOHOA_DB_PASSWORD");
        assertThatThrownBy(() -> new DeploymentGuard(new MockEnvironment().withProperty("sohoa.profile",
                "production"), defaults)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new DeploymentGuard(new MockEnvironment().withProperty("sohoa.profile", "staging"),
                defaults)).hasMessageContaining("dev or production, not staging");

        assertThat(new DeploymentGuard(new MockEnvironment().withProperty("sohoa.profile", "dev"), defaults).profile())
                .isEqualTo(DeploymentGuard.Profile.DEV);
    }

    @Test
    void cheapPasswordHashesAreForDevelopmentOnly() {
        SohoaProperties cheap = properties(Map.of("sohoa.signing.keys", "pkcs11",
                "sohoa.signing.tsa-url", "https://tsa.example.gov.vn/tsa", "sohoa.bootstrap.demo-data", "false",
                "sohoa.security.password-hash-strength", "9"));
        assertThat(DeploymentGuard.problems(cheap, "s3cret")).singleElement().asString()
                .contains("sohoa.security.password-hash-strength=10 or more");
        assertThat(new DeploymentGuard(new MockEnvironment().withProperty("sohoa.profile", "dev"), cheap).profile())
                .isEqualTo(DeploymentGuard.Profile.DEV);
        assertThatThrownBy(() -> properties(Map.of("sohoa.security.password-hash-strength", "3")))
                .rootCause().hasMessageContaining("bcrypt's cost, 4 to 31, not 3");
    }

    @Test
    void aRealSetupStarts() {
        SohoaProperties real = properties(Map.of("sohoa.signing.keys", "pkcs11",
                "sohoa.signing.tsa-url", "https://tsa.example.gov.vn/tsa", "sohoa.bootstrap.demo-data", "false"));
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.password", "s3cret");
        assertThat(new DeploymentGuard(environment, real).profile()).isEqualTo(DeploymentGuard.Profile.PRODUCTION);
        assertThat(DeploymentGuard.problems(real, "")).singleElement().asString().contains("SOHOA_DB_PASSWORD");
    }
}
