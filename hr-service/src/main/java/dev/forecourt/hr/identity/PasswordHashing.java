package dev.forecourt.hr.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.forecourt.hr.HrProperties;

/** Passwords are stored as BCrypt hashes: slow on purpose, so a stolen database is expensive to crack. */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    @Bean
    PasswordEncoder passwordEncoder(HrProperties properties) {
        return new BCryptPasswordEncoder(properties.identity().passwordHashStrength());
    }
}
