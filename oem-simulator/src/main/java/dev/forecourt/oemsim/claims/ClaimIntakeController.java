package dev.forecourt.oemsim.claims;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.forecourt.oemsim.SimulatorProperties;

/** The simulated OEM's claims API: {@code X-Api-Key} authenticates the dealer, {@code Idempotency-Key} makes filing safe to repeat. */
@RestController
public class ClaimIntakeController {

    private final ReceivedClaims claims;
    private final byte[] apiKey;

    public ClaimIntakeController(ReceivedClaims claims, SimulatorProperties properties) {
        this.claims = claims;
        this.apiKey = properties.apiKey().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/oem/v1/warranty-claims")
    public ResponseEntity<?> submit(@RequestHeader(name = "X-Api-Key", required = false) String key,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                    @Valid @RequestBody ClaimSubmission claim) {
        if (key == null || !MessageDigest.isEqual(apiKey, key.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid API key"));
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "Idempotency-Key is required"));
        }
        ReceivedClaims.Filed filed = claims.file(idempotencyKey, claim);
        return ResponseEntity.status(filed.isNew() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(filed.receipt());
    }

    /** For a person trying the flow: what the OEM has received and what it is going to answer. */
    @GetMapping("/oem/v1/warranty-claims")
    public Collection<ReceivedClaims.Receipt> received(@RequestHeader(name = "X-Api-Key", required = false) String key) {
        if (key == null || !MessageDigest.isEqual(apiKey, key.getBytes(StandardCharsets.UTF_8))) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "invalid API key");
        }
        return claims.all();
    }
}
