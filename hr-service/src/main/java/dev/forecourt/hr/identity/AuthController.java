package dev.forecourt.hr.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Identity", description = "Staff tokens (RS256 JWT) and the keys to verify them")
class AuthController {

    record PasswordLogin(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
    }

    record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {
        static TokenResponse of(Login.Tokens tokens) {
            return new TokenResponse(tokens.accessToken(), "Bearer", tokens.expiresIn(), tokens.refreshToken(), tokens.refreshExpiresIn());
        }
    }

    record RotationResult(String signingKey, List<String> publishedKeys) {
    }

    private final Login login;
    private final SigningKeys keys;
    private final ClientAddress clientAddress;

    AuthController(Login login, SigningKeys keys, ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
        this.login = login;
        this.keys = keys;
    }

    @PostMapping("/api/v1/auth/token")
    @Operation(summary = "Log in with username and password; after repeated failures from an address or for a username, "
            + "429 login-throttled with Retry-After (growing delays)", operationId = "login")
    ResponseEntity<TokenResponse> token(@Valid @RequestBody PasswordLogin request, HttpServletRequest http) {
        return noStore(TokenResponse.of(login.withPassword(request.username(), request.password(), clientAddress.of(http))));
    }

    @PostMapping("/api/v1/auth/refresh")
    @Operation(summary = "Trade a refresh token (single use) for a new token pair; fails for staff who have left", operationId = "refreshToken")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return noStore(TokenResponse.of(login.withRefreshToken(request.refreshToken())));
    }

    @PostMapping("/api/v1/auth/keys/rotate")
    @PreAuthorize("hasAuthority('security:admin')")
    @Operation(summary = "Start signing with a new key now; the previous key stays published until its tokens expire", operationId = "rotateSigningKey")
    RotationResult rotate() {
        KeyRing ring = keys.rotate();
        return new RotationResult(ring.signer().map(SigningKey::kid).orElseThrow(), keys.published().stream().map(SigningKey::kid).toList());
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The public keys that verify staff tokens (two during a rotation)", operationId = "getJwks")
    ResponseEntity<Map<String, Object>> jwks() {
        // short caching: verifiers pick up a rotation within a minute and re-fetch on an unknown kid anyway
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
                .body(keys.publicJwks().toJSONObject(true));
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
    }
}
