package dev.forecourt.claims.submission;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code forecourt.oem}: where the OEM's claims API is and how this dealer authenticates to it.
 * The defaults are the embedded stack's OEM simulator; real values come from the environment.
 *
 * @param url            the OEM API's base URL
 * @param apiKey         this dealer's API key, sent as {@code X-Api-Key}
 * @param webhookSecret  the {@code whsec_<base64>} secret the OEM signs its webhooks with; several space-separated
 *                       while the OEM rotates its secret (a webhook signed with any of them is accepted)
 * @param resendInterval how long a queued claim waits before it is sent again
 */
@ConfigurationProperties("forecourt.oem")
public record OemProperties(
        @DefaultValue("http://localhost:8090") String url,
        @DefaultValue("dev-oem-api-key") String apiKey,
        @DefaultValue("whsec_Zm9yZWNvdXJ0LWRldi1vZW0tc2VjcmV0") String webhookSecret,
        @DefaultValue("30s") Duration resendInterval) {
}
