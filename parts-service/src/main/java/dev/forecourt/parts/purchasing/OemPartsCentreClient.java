package dev.forecourt.parts.purchasing;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The OEM parts centre over HTTP: {@code POST {forecourt.parts.oem-parts-centre.url}/oem/v1/parts-orders}
 * with {@code {dealerCode, orderNumber, lines[{lineNo, partNumber, quantity}]}} and the order number
 * as {@code Idempotency-Key}; the answer is {@code {oemOrderId, lines[{lineNo, confirmedQuantity,
 * backOrderedQuantity, expectedArrival}]}}.
 */
@Component
class OemPartsCentreClient implements OemPartsOrdering {

    record PartsOrder(String dealerCode, String orderNumber, List<OrderLine> lines) {
    }

    private final RestClient http;

    OemPartsCentreClient(@Value("${forecourt.parts.oem-parts-centre.url:http://localhost:8090}") String url,
                         @Value("${forecourt.parts.oem-parts-centre.api-key:dev-oem-api-key}") String apiKey) {
        // HTTP/1.1 with timeouts: an unreachable parts centre answers the planner within seconds, not never
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(java.time.Duration.ofSeconds(3));
        requests.setReadTimeout(java.time.Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(requests).baseUrl(url).defaultHeader("X-Api-Key", apiKey).build();
    }

    @Override
    public Confirmation place(String dealerCode, String orderNumber, List<OrderLine> lines) {
        try {
            Confirmation answer = http.post().uri("/oem/v1/parts-orders").contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", orderNumber).body(new PartsOrder(dealerCode, orderNumber, lines))
                    .retrieve().body(Confirmation.class);
            if (answer == null || answer.lines() == null) {
                throw new Unavailable("The OEM parts centre answered no confirmation for " + orderNumber, null);
            }
            return answer;
        } catch (RestClientException e) {
            throw new Unavailable("The OEM parts centre did not take order " + orderNumber + ": " + e.getMessage(), e);
        }
    }
}
