package vn.sohoa.app.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outside an explicit development mode ({@code SOHOA_PROFILE=dev}, which {@code ./sohoa run} sets on embedded
 * defaults), the service refuses to start with what only development may use: the development PKI's keys, the
 * development time-stamping authority as a silent fallback, the demo accounts, a database without a password,
 * password hashes cheaper than bcrypt's cost 10 (the tests use the cheapest, to save CPU). It names every setting to
 * give at once, so an operator fixes the configuration in one pass. Never lazy: the command-line tools make their
 * beans on demand, and they too must refuse development settings.
 */
@Component
@Lazy(false)
public class DeploymentGuard {

    /** Where the service runs: a developer's machine or a real office. */
    public enum Profile {
        DEV, PRODUCTION
    }

    private final Profile profile;

    DeploymentGuard(Environment environment, SohoaProperties properties) {
        this.profile = profile(environment.getProperty("sohoa.profile"));
        if (profile == Profile.DEV) {
            return;
        }
        List<String> missing = problems(properties, environment.getProperty("spring.datasource.password", ""));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Sohoa refuses to start outside development mode with development "
                    + "settings; give: " + String.join("; ", missing) + " (or SOHOA_PROFILE=dev on a developer's "
                    + "machine) / Sohoa không khởi động với cấu hình phát triển ngoài chế độ phát triển");
        }
    }

    static Profile profile(String value) {
        if (value == null || value.isBlank()) {
            return Profile.PRODUCTION;
        }
        try {
            return Profile.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SOHOA_PROFILE (sohoa.profile) is dev or production, not " + value);
        }
    }

    /** Each development-only setting in use, as the setting to give instead. */
    static List<String> problems(SohoaProperties properties, String databasePassword) {
        List<String> missing = new ArrayList<>();
        if (properties.signing().keys() == SohoaProperties.KeySource.DEVELOPMENT) {
            missing.add("sohoa.signing.keys=pkcs11 or pkcs12_directory (the development PKI's keys sign nothing real)");
        }
        if (properties.signing().tsaUrl() == null || properties.signing().tsaUrl().isBlank()) {
            missing.add("sohoa.signing.tsa-url (a qualified time-stamping authority; the development one is not "
                    + "used outside development)");
        }
        if (properties.bootstrap().demoData()) {
            missing.add("sohoa.bootstrap.demo-data=false (no demo agencies or demo accounts)");
        }
        int strength = properties.security().passwordHashStrength();
        if (strength < SohoaProperties.Security.MIN_PRODUCTION_HASH_STRENGTH) {
            missing.add("sohoa.security.password-hash-strength=" + SohoaProperties.Security.MIN_PRODUCTION_HASH_STRENGTH
                    + " or more (" + strength + " makes password hashes cheap to guess)");
        }
        if (databasePassword == null || databasePassword.isEmpty()) {
            missing.add("SOHOA_DB_PASSWORD (the database's password may not be empty)");
        }
        return missing;
    }

    public Profile profile() {
        return profile;
    }
}
