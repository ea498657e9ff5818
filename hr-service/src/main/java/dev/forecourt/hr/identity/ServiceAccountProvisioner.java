package dev.forecourt.hr.identity;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.forecourt.hr.HrProperties;
import dev.forecourt.hr.roles.Roles;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.store.ForecourtProperties;

/**
 * Provisions the configured service accounts at start-up. The password comes from the environment;
 * only the embedded stack falls back to the dev default, so a real store never runs with a known
 * password. Setting a new password in the environment takes effect at the next start.
 */
@Component
class ServiceAccountProvisioner {

    private static final Logger log = LoggerFactory.getLogger(ServiceAccountProvisioner.class);

    private final HrProperties properties;
    private final ForecourtProperties store;
    private final MongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final Roles roles;

    ServiceAccountProvisioner(HrProperties properties, ForecourtProperties store, MongoTemplate mongo, PasswordEncoder passwords, Roles roles) {
        this.properties = properties;
        this.store = store;
        this.mongo = mongo;
        this.passwords = passwords;
        this.roles = roles;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void provision() {
        for (Map.Entry<String, HrProperties.ServiceAccount> entry : properties.serviceAccounts().entrySet()) {
            provision(entry.getKey(), entry.getValue());
        }
    }

    void provision(String username, HrProperties.ServiceAccount settings) {
        String password = passwordToProvision(settings, store.demoData()).orElse(null);
        if (password == null) {
            log.info("Service account {} not provisioned: no password configured", username);
            return;
        }
        roles.defineIfAbsent(username, settings.name(), settings.permissions(), Actor.system("system"));
        ServiceAccount account = mongo.findById(username, ServiceAccount.class);
        if (account == null) {
            mongo.insert(new ServiceAccount(username, settings.name(), username, passwords.encode(password)));
            log.info("Service account {} provisioned", username);
        } else if (!passwords.matches(password, account.getPasswordHash())) {
            account.changePasswordHash(passwords.encode(password));
            mongo.save(account);
            log.info("Service account {}: password changed", username);
        }
    }

    /** The configured password; the dev default only in the embedded stack; otherwise none (not provisioned). */
    static Optional<String> passwordToProvision(HrProperties.ServiceAccount settings, boolean demoData) {
        if (isSet(settings.password())) {
            return Optional.of(settings.password());
        }
        return demoData && isSet(settings.devDefaultPassword()) ? Optional.of(settings.devDefaultPassword()) : Optional.empty();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
