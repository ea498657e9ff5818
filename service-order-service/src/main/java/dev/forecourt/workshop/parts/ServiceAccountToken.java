package dev.forecourt.workshop.parts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.forecourt.workshop.config.WorkshopProperties;

/** The svc-workshop account's token, fetched from hr-service and kept until shortly before it expires. */
@Component
class ServiceAccountToken {

    /** Tokens are short-lived (15 min); renewing a minute early avoids a 401 in flight. */
    private static final Duration MARGIN = Duration.ofMinutes(1);
    private static final Duration ASSUMED_LIFETIME = Duration.ofMinutes(5);

    private final HrAuthClient hr;
    private final WorkshopProperties workshop;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    ServiceAccountToken(HrAuthClient hr, WorkshopProperties workshop, Clock clock) {
        this.hr = hr;
        this.workshop = workshop;
        this.clock = clock;
    }

    synchronized String current() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(renewAt)) {
            var account = workshop.serviceAccount();
            HrAuthClient.Token fresh = hr.token(new HrAuthClient.Credentials(account.username(), account.password()));
            Duration lifetime = fresh.expiresIn() == null ? ASSUMED_LIFETIME : Duration.ofSeconds(fresh.expiresIn());
            token = fresh.accessToken();
            renewAt = now.plus(lifetime.compareTo(MARGIN.multipliedBy(2)) > 0 ? lifetime.minus(MARGIN) : lifetime.dividedBy(2));
        }
        return token;
    }

    synchronized void forget() {
        token = null;
    }
}
