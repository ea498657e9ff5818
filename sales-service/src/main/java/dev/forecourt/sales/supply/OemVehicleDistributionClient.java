package dev.forecourt.sales.supply;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The OEM's vehicle distribution over HTTP ({@code forecourt.sales.oem.url}, {@code X-Api-Key}
 * {@code forecourt.sales.oem.api-key}): {@code POST /oem/v1/vehicle-orders} with
 * {@code {dealerCode, orderNumber, kind, month, lines[{lineNo, model, trim, colour, quantity}]}} and the
 * order number as {@code Idempotency-Key}, answered {@code {oemOrderId, allocations[{lineNo, vin, model,
 * trim, colour, listPrice, invoicePrice}]}}; {@code GET /oem/v1/vehicle-orders/{oemOrderId}/dispatches}
 * answered {@code {oemOrderId, dispatches[{vin, dispatchedAt, expectedArrival, transportNote, keys,
 * documents}]}}; {@code PUT /oem/v1/supply-plans/{yyyy-MM}} with {@code {dealerCode, forecast[], colours[]}}
 * answered {@code {reference}}.
 */
@Component
class OemVehicleDistributionClient implements OemVehicleDistribution {

    record VehicleOrderRequest(String dealerCode, String orderNumber, String kind, YearMonth month, List<OrderLine> lines) {
    }

    record SupplyPlanRequest(String dealerCode, List<PlanLine> forecast, List<PlanLine> colours) {
    }

    private final RestClient http;

    OemVehicleDistributionClient(@Value("${forecourt.sales.oem.url:http://localhost:8090}") String url,
                                 @Value("${forecourt.sales.oem.api-key:dev-oem-api-key}") String apiKey) {
        // timeouts: an unreachable OEM answers the sales manager within seconds, not never
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(3));
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(requests).baseUrl(url).defaultHeader("X-Api-Key", apiKey).build();
    }

    @Override
    public Allocated place(String dealerCode, String orderNumber, VehicleOrder.Kind kind, YearMonth month, List<OrderLine> lines) {
        try {
            Allocated answer = http.post().uri("/oem/v1/vehicle-orders").contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", orderNumber).body(new VehicleOrderRequest(dealerCode, orderNumber, kind.name(), month, lines))
                    .retrieve().body(Allocated.class);
            if (answer == null || answer.oemOrderId() == null || answer.allocations() == null) {
                throw new Unavailable("The OEM answered no allocation for " + orderNumber, null);
            }
            return answer;
        } catch (RestClientException e) {
            throw new Unavailable("The OEM did not take vehicle order " + orderNumber + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Dispatches dispatches(String oemOrderId) {
        try {
            Dispatches answer = http.get().uri("/oem/v1/vehicle-orders/{id}/dispatches", oemOrderId).retrieve().body(Dispatches.class);
            if (answer == null || answer.dispatches() == null) {
                throw new Unavailable("The OEM answered no dispatches for " + oemOrderId, null);
            }
            return answer;
        } catch (RestClientException e) {
            throw new Unavailable("The OEM did not answer the dispatches of " + oemOrderId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public PlanReceipt submitPlan(String dealerCode, YearMonth month, List<PlanLine> forecast, List<PlanLine> colours) {
        try {
            PlanReceipt answer = http.put().uri("/oem/v1/supply-plans/{month}", month.toString()).contentType(MediaType.APPLICATION_JSON)
                    .body(new SupplyPlanRequest(dealerCode, forecast, colours)).retrieve().body(PlanReceipt.class);
            if (answer == null || answer.reference() == null) {
                throw new Unavailable("The OEM answered no receipt for the plan of " + month, null);
            }
            return answer;
        } catch (RestClientException e) {
            throw new Unavailable("The OEM did not take the supply plan of " + month + ": " + e.getMessage(), e);
        }
    }
}
