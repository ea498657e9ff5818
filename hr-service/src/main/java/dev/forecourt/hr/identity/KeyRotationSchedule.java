package dev.forecourt.hr.identity;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.forecourt.hr.HrProperties;

/** Creates the first key at start-up and replaces the signing key when it reaches its rotation age. */
@Component
class KeyRotationSchedule {

    private final SigningKeys keys;
    private final HrProperties properties;

    KeyRotationSchedule(SigningKeys keys, HrProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureSigningKey() {
        keys.encryptPlainKeys();
        keys.signer();
    }

    @Scheduled(fixedDelayString = "${forecourt.hr.identity.key-check-interval:10m}", initialDelayString = "${forecourt.hr.identity.key-check-interval:10m}")
    void rotateWhenDue() {
        if (keys.signerAge().compareTo(properties.identity().keyRotationPeriod()) >= 0) {
            keys.rotate();
        }
    }
}
