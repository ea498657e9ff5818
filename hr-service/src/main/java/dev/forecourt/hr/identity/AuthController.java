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

import dev.forecourt.platform.web.contract.ApiContract;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Identity", description = "Staff tokens (RS256 JWT) and the keys to verify them")
class AuthController {

    private static final String PROBLEM = "#/components/schemas/" + ApiContract.PROBLEM_SCHEMA;

    record PasswordLogin(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
    }

    record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {
    }

    @Schema(requiredProperties = {"accessToken", "tokenType", "expiresIn", "refreshToken", "refreshExpiresIn"})
    record TokenResponse(String accessToken, @Schema(allowableValues = "Bearer") String tokenType,
                         @Schema(description = "Seconds the access token is valid") long expiresIn, String refreshToken,
                         @Schema(description = "Seconds the refresh token is valid") long refreshExpiresIn) {
        static TokenResponse of(Login.Tokens tokens) {
            return new TokenResponse(tokens.accessToken(), "Bearer", tokens.expiresIn(), tokens.refreshToken(), tokens.refreshExpiresIn());
        }
    }

    @Schema(requiredProperties = {"signingKey", "publishedKeys"})
    record RotationResult(String signingKey, List<String> publishedKeys) {
    }

    /** RFC 7517 JWK set: the public RSA keys (kty, e, n, kid, alg, use). */
    @Schema(requiredProperties = "keys")
    record JwkSet(@ArraySchema(schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
            description = "One public key (RFC 7517): kty, e, n, kid, alg, use")) List<Map<String, Object>> keys) {
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
    @ApiResponse(responseCode = "200", description = "A token pair (not cached)")
    @ApiResponse(responseCode = "401", description = "invalid-credentials: wrong username or password, unknown or departed staff (one answer for all)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "429", description = "login-throttled: too many wrong passwords from this address or for this username "
            + "(`retryAt` in the body)",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = "integer")),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
    ResponseEntity<TokenResponse> token(@Valid @RequestBody PasswordLogin request, HttpServletRequest http) {
        return noStore(TokenResponse.of(login.withPassword(request.username(), request.password(), clientAddress.of(http))));
    }

    @PostMapping("/api/v1/auth/refresh")
    @Operation(summary = "Trade a refresh token (single use) for a new token pair; fails for staff who have left", operationId = "refreshToken")
    @ApiResponse(responseCode = "200", description = "A new token pair (not cached); the refresh token sent is spent")
    @ApiResponse(responseCode = "401", description = "invalid-refresh-token: unknown, expired or already used, or its owner has left",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
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
    @SuppressWarnings("unchecked")
    ResponseEntity<JwkSet> jwks() {
        // short caching: verifiers pick up a rotation within a minute and re-fetch on an unknown kid anyway
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
                .body(new JwkSet((List<Map<String, Object>>) keys.publicJwks().toJSONObject(true).get("keys")));
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
    }
}
