package dev.forecourt.oemsim;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code oem-simulator.*}.
 *
 * @param apiKey        the dealer API key the simulated OEM accepts ({@code X-Api-Key})
 * @param webhookSecret the {@code whsec_<base64>} secret it signs its webhooks with
 * @param callbackUrl   where the dealer receives status webhooks (the gateway in the embedded stack)
 * @param stepDelay     the pause before each status it reports
 * @param deliveryAttempts how often a webhook is tried before the simulator gives up on it
 */
@ConfigurationProperties("oem-simulator")
public record SimulatorProperties(
        @DefaultValue("dev-oem-api-key") String apiKey,
        @DefaultValue("whsec_Zm9yZWNvdXJ0LWRldi1vZW0tc2VjcmV0") String webhookSecret,
        @DefaultValue("http://localhost:8080/webhooks/oem/claim-status") String callbackUrl,
        @DefaultValue("3s") Duration stepDelay,
        @DefaultValue("6") int deliveryAttempts) {
}
