package vn.sohoa.app.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.sohoa.app.config.SohoaProperties;

/** Password hashing for the service and the command-line tools alike (both create accounts). */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    @Bean
    PasswordEncoder passwordEncoder(SohoaProperties properties) {
        // bcrypt by default, with the algorithm recorded in the hash so it can change later; a match is remembered
        // for a short time, so that systems sending HTTP Basic with every call do not pay bcrypt every time
        return new RememberingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                properties.security().rememberVerifiedPassword(), System::nanoTime);
    }
}
