package vn.sohoa.app.security;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.sohoa.app.config.SohoaProperties;

/** Password hashing for the service and the command-line tools alike (both create accounts). */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    @Bean
    PasswordEncoder passwordEncoder(SohoaProperties properties) {
        return encoder(properties.security());
    }

    /**
     * bcrypt at the configured cost, with the algorithm recorded in the hash ({@code {bcrypt}…}) so that it can
     * change later; a hash of any cost matches, since bcrypt reads the cost from the hash. A match is remembered for
     * a short time, so that systems sending HTTP Basic with every call do not pay bcrypt every time.
     */
    static PasswordEncoder encoder(SohoaProperties.Security security) {
        PasswordEncoder bcrypt = new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(security.passwordHashStrength())));
        return new RememberingPasswordEncoder(bcrypt, security.rememberVerifiedPassword(), System::nanoTime);
    }
}
