package dev.forecourt.hr.identity;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.errors.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Password login and refresh. Every wrong answer looks the same (unknown user, wrong password,
 * departed employee) so the endpoint does not reveal who works here.
 */
@Service
class Login {

    /** What a successful login or refresh hands out. */
    record Tokens(String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn) {
    }

    private final StaffDirectory directory;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final TokenIssuer issuer;
    private final RefreshTokens refreshTokens;
    private final MeterRegistry meters;
    /** Compared against when the username is unknown, so that answer takes as long as a wrong password. */
    private final String decoyHash;

    Login(StaffDirectory directory, PasswordEncoder passwords, LoginThrottle throttle, TokenIssuer issuer, RefreshTokens refreshTokens,
          MeterRegistry meters) {
        this.directory = directory;
        this.passwords = passwords;
        this.throttle = throttle;
        this.issuer = issuer;
        this.refreshTokens = refreshTokens;
        this.meters = meters;
        this.decoyHash = passwords.encode("decoy-password-that-matches-nothing");
    }

    /** @param address where the attempt comes from (see {@link ClientAddress}) */
    Tokens withPassword(String username, String password, String address) {
        Optional<LoginThrottle.Hold> held = throttle.holdOn(username, address);
        if (held.isPresent()) {
            meters.counter("forecourt.logins.refused", "reason", "throttled-" + held.get().reason()).increment();
            throw new LoginThrottledException(held.get().until());
        }
        Optional<StaffPrincipal> principal = directory.find(username);
        boolean matches = passwords.matches(password, principal.map(StaffPrincipal::passwordHash).orElse(decoyHash));
        if (principal.isEmpty() || !matches) {
            meters.counter("forecourt.logins.refused", "reason", "credentials").increment();
            Optional<LoginThrottle.Hold> heldNow = throttle.recordFailure(username, address);
            if (heldNow.isPresent()) {
                throw new LoginThrottledException(heldNow.get().until());
            }
            throw unauthorized("invalid-credentials", "Wrong username or password");
        }
        throttle.recordSuccess(username, address);
        meters.counter("forecourt.logins.succeeded").increment();
        return tokensFor(principal.get());
    }

    /** A new token pair for the refresh token's owner, if they still work here; the old refresh token is spent. */
    Tokens withRefreshToken(String refreshToken) {
        String username = refreshTokens.redeem(refreshToken)
                .orElseThrow(() -> unauthorized("invalid-refresh-token", "The refresh token is unknown, expired or already used"));
        StaffPrincipal principal = directory.find(username)
                .orElseThrow(() -> unauthorized("invalid-refresh-token", "The account of this refresh token is no longer active"));
        return tokensFor(principal);
    }

    private Tokens tokensFor(StaffPrincipal principal) {
        return new Tokens(issuer.accessToken(principal), issuer.ttl().toSeconds(), refreshTokens.issue(principal.username()),
                refreshTokens.ttl().toSeconds());
    }

    private static ProblemException unauthorized(String type, String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, type, "Not authenticated", detail);
    }
}
