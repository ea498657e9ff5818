package dev.forecourt.workshop.campaign;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The OEM's campaign bulletins over HTTP: {@code GET <forecourt.workshop.oem.base-url>/oem/v1/campaigns}
 * answering {@code {"items": [Bulletin…]}} (the OEM simulator in the embedded stack, WireMock in tests).
 */
@Component
class HttpOemCampaignFeed implements OemCampaignFeed {

    record Bulletins(List<Bulletin> items) {
    }

    private final RestClient http;

    HttpOemCampaignFeed(@Value("${forecourt.workshop.oem.base-url:http://localhost:8090}") String baseUrl,
                        @Value("${forecourt.workshop.oem.timeout:3s}") Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build();
    }

    @Override
    public List<Bulletin> bulletins() {
        try {
            Bulletins answer = http.get().uri("/oem/v1/campaigns").retrieve().body(Bulletins.class);
            if (answer == null || answer.items() == null) {
                throw new OemUnavailable("The OEM answered no campaign list", null);
            }
            return answer.items();
        } catch (RestClientException e) {
            throw new OemUnavailable("The OEM's campaign bulletins could not be read: " + e.getMessage(), e);
        }
    }
}
