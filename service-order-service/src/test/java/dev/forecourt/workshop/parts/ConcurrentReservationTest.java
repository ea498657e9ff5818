package dev.forecourt.workshop.parts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.workshop.repairorder.PartsLine;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrders;
import dev.forecourt.workshop.repairorder.ReservationStatus;
import dev.forecourt.workshop.support.WorkshopIntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * The advisor's request and the retry job ({@link PendingPartsJob}, which does {@link PartsReserver#reservePending}
 * for every order with pending lines) asking parts-service about the same line at once. parts-service
 * (WireMock here, slowed down so the calls overlap) holds one reservation per (order, line), so both
 * name the same line and get the same reservation; the workshop records the line's answer and its
 * {@code parts-line-added} once. And the one interleaving where the answers differ: a refusal applied
 * first, then a reservation parts-service made for the same line in between — the line is reserved.
 */
class ConcurrentReservationTest extends WorkshopIntegrationTest {

    /** Each answer takes this long: long enough for the calls to overlap, within the tests' 300 ms read timeout. */
    static final int SLOW = 200;

    @Autowired
    PartsReserver reserver;

    @Autowired
    RepairOrders orders;

    @Autowired
    CircuitBreakerRegistry breakers;

    final ExecutorService threads = Executors.newFixedThreadPool(4);

    @BeforeEach
    void partsServiceAnswers() {
        // the outage tests may have left the breaker open: these calls must reach parts-service
        breakers.circuitBreaker(PartsReservations.BREAKER).reset();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void theRequestAndTheRetryJobReservingTheSameLineAtOnceRecordItsReservationAndItsEventOnce() throws Exception {
        String id = openWalkIn(uniqueVin(), false);
        String reservationId = "rsv-" + id + "-line-1";
        // parts-service answers a repeated (order, line) with the same reservation (200 instead of 201)
        PEERS.stubFor(post(urlEqualTo("/api/v1/reservations")).withRequestBody(containing(id))
                .willReturn(reservation(reservationId).withFixedDelay(SLOW)));

        Future<Api.Response> added = threads.submit(() -> as(ADVISOR).post("/api/v1/repair-orders/" + id + "/parts-lines",
                "{\"partNumber\":\"5Q0698151\",\"description\":\"front brake pads\",\"quantity\":1}"));
        awaitReservationRequests(id, 1);
        // the retry job finds the line pending while the request's call is still out; three of it, for good measure
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RepairOrder>> retries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            retries.add(threads.submit(() -> {
                go.await();
                return reserver.reservePending(id);
            }));
        }
        go.countDown();

        Api.Response response = added.get(20, TimeUnit.SECONDS);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        for (Future<RepairOrder> retry : retries) {
            retry.get(20, TimeUnit.SECONDS); // none of them failed on the line the other answer reserved
        }
        List<LoggedRequest> calls = PEERS.findAll(postRequestedFor(urlEqualTo("/api/v1/reservations")).withRequestBody(containing(id)));
        assertThat(calls).as("the request and the job both asked parts-service").hasSizeGreaterThanOrEqualTo(2);
        assertThat(calls).allSatisfy(call -> assertThat(call.getBodyAsString())
                .contains("\"repairOrderId\":\"" + id + "\"", "\"lineId\":\"line-1\""));

        PartsLine line = orders.get(id).line("line-1");
        assertThat(line.getReservation()).isEqualTo(ReservationStatus.RESERVED);
        assertThat(line.getReservationId()).isEqualTo(reservationId);
        assertThat(orders.get(id).getPartsLines()).hasSize(1);
        assertThat(orders.get(id).isPartsPending()).isFalse();
        assertThat(lineAddedEvents(id)).singleElement().satisfies(e -> {
            EventSchemas.assertValid(e);
            assertThat(e.data().get("reservationId").asString()).isEqualTo(reservationId);
        });
    }

    @Test
    void aReservationAnsweredWhileTheLinesRefusalWasAppliedStillReservesTheLine() throws Exception {
        String id = openWalkIn(uniqueVin(), false);
        String reservationId = "rsv-" + id + "-line-1";
        PEERS.stubFor(post(urlEqualTo("/api/v1/reservations")).withRequestBody(containing(id))
                .willReturn(reservation(reservationId).withFixedDelay(SLOW)));
        // the line is on the order, PENDING, as the advisor's request saves it before it asks parts-service
        orders.change(id, ExpectedVersion.ANY, o -> o.addPartsLine(null, "5Q0698151", "front brake pads", 1, null));

        // the job asks (this call or the scheduled one, whichever is first); parts-service found stock and
        // reserves — and while that answer is on its way, the refusal a concurrent call got a moment
        // earlier is applied to the line, as PartsReserver applies it
        CompletableFuture<RepairOrder> job = CompletableFuture.supplyAsync(() -> reserver.reservePending(id), threads);
        awaitReservationRequests(id, 1);
        RepairOrder refused = orders.change(id, ExpectedVersion.ANY, o -> o.partsInsufficient("line-1", 0, null, Instant.now()));
        assertThat(refused.line("line-1").getReservation()).as("the refusal came first").isEqualTo(ReservationStatus.INSUFFICIENT);
        job.get(20, TimeUnit.SECONDS);

        PartsLine line = orders.get(id).line("line-1");
        assertThat(line.getReservation()).as("parts-service holds the stock for the line").isEqualTo(ReservationStatus.RESERVED);
        assertThat(line.getReservationId()).isEqualTo(reservationId);
        assertThat(line.getAvailable()).isNull();
        assertThat(line.isOpen()).isTrue();
        assertThat(lineAddedEvents(id)).as("the line's first answer (the refusal) was announced, the reservation not again")
                .singleElement().satisfies(e -> assertThat(e.data().path("reservationId").isNull()
                        || e.data().path("reservationId").isMissingNode()).isTrue());
    }

    private static ResponseDefinitionBuilder reservation(String reservationId) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"reservationId\":\"" + reservationId + "\",\"status\":\"ACTIVE\",\"unitPrice\":{\"amount\":680.00,\"currency\":\"CNY\"}}");
    }

    private static int reservationRequests(String id) {
        return PEERS.findAll(postRequestedFor(urlEqualTo("/api/v1/reservations")).withRequestBody(containing(id))).size();
    }

    private static void awaitReservationRequests(String id, int count) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> reservationRequests(id) >= count);
    }

    /**
     * The order's parts-line-added events as Kafka has them. The order is cancelled first: its events
     * keep their order on the topic, so once the cancellation is read every earlier event is there too.
     */
    private List<EventProbe.ReceivedEvent> lineAddedEvents(String id) {
        Api.Response cancelled = as(ADVISOR).post("/api/v1/repair-orders/" + id + "/cancel", "{\"reason\":\"test over\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        try (EventProbe probe = EventProbe.on("forecourt.workshop.events")) {
            probe.await("forecourt.workshop.repair-order-cancelled.v1", id);
            return probe.about(id).stream().filter(e -> e.type().equals("forecourt.workshop.parts-line-added.v1")).toList();
        }
    }
}
