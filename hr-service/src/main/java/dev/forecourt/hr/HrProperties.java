package dev.forecourt.hr;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * hr-service's own settings ({@code forecourt.hr.*}).
 *
 * @param identity        how tokens, passwords and keys behave
 * @param serviceAccounts machine accounts of other services, by username
 */
@ConfigurationProperties("forecourt.hr")
public record HrProperties(@DefaultValue Identity identity, Map<String, ServiceAccount> serviceAccounts) {

    public HrProperties {
        serviceAccounts = serviceAccounts == null ? Map.of() : Map.copyOf(serviceAccounts);
    }

    /**
     * @param accessTokenTtl       lifetime of an access token: also how long a departed employee's last token lives
     * @param refreshTokenTtl      lifetime of a refresh token (about a shift)
     * @param loginThrottleThreshold wrong passwords in a row (from one address, or for one username) before logins are held back
     * @param loginThrottleBaseDelay the first hold; each further failure doubles it
     * @param loginThrottleMaxDelay  the longest hold
     * @param loginThrottleWindow    failures further apart than this start the count over
     * @param loginThrottleExemptAddresses addresses or CIDR blocks not held back per address (a test rig on loopback); their
     *                                     usernames still are
     * @param keyRotationPeriod    age at which the signing key is replaced
     * @param passwordHashStrength BCrypt cost (log2 rounds)
     * @param keyEncryptionKey     Base64 of the 32-byte key that encrypts the signing keys at rest ({@code FORECOURT_HR_KEY_ENCRYPTION_KEY})
     * @param devKeyEncryptionKey  the clearly-marked development default used when {@code keyEncryptionKey} is not set
     * @param requireKeyEncryptionKey refuse to start without {@code keyEncryptionKey} (production)
     */
    public record Identity(
            @DefaultValue("15m") Duration accessTokenTtl,
            @DefaultValue("10h") Duration refreshTokenTtl,
            @DefaultValue("5") int loginThrottleThreshold,
            @DefaultValue("2s") Duration loginThrottleBaseDelay,
            @DefaultValue("15m") Duration loginThrottleMaxDelay,
            @DefaultValue("15m") Duration loginThrottleWindow,
            @DefaultValue({}) List<String> loginThrottleExemptAddresses,
            @DefaultValue("30d") Duration keyRotationPeriod,
            @DefaultValue("10") int passwordHashStrength,
            String keyEncryptionKey,
            String devKeyEncryptionKey,
            @DefaultValue("false") boolean requireKeyEncryptionKey) {
    }

    /**
     * @param password           from the environment; when blank the account is only provisioned in the embedded stack
     * @param devDefaultPassword the clearly-marked dev default used when {@code forecourt.demo-data=true}
     * @param permissions        what its role grants when the role is first defined (editable afterwards)
     */
    public record ServiceAccount(String name, String password, String devDefaultPassword, List<String> permissions) {

        public ServiceAccount {
            permissions = permissions == null ? List.of() : List.copyOf(permissions);
        }
    }
}
