package dev.forecourt.parts.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.parts.PartsFixture;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;

@ForecourtServiceTest
class ConcurrentIssueTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    dev.forecourt.parts.repairorders.RepairOrders repairOrders;

    @Test
    void twoHundredConcurrentIssuesOfFiftyPiecesIssueExactlyFiftyAndNeverGoBelowZero() throws Exception {
        PartsFixture parts = new PartsFixture(port, repairOrders);
        String partNumber = parts.part();
        parts.receive(partNumber, 50);

        List<Api.Response> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(200);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String document = PartsFixture.id("ro");
                futures.add(pool.submit(() -> {
                    start.await();
                    return parts.issue(partNumber, 1, document);
                }));
            }
            start.countDown();
            for (Future<Api.Response> future : futures) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<Api.Response> issued = answers.stream().filter(a -> a.status() == 201).toList();
        List<Api.Response> refused = answers.stream().filter(a -> a.status() == 409).toList();
        assertThat(issued).hasSize(50);
        assertThat(refused).hasSize(150);
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.at("/type")).endsWith("/stock-insufficient");
            assertThat(answer.json().get("available").asInt()).isZero();
        });
        assertThat(issued).allSatisfy(answer -> assertThat(answer.json().at("/stock/available").asInt()).isBetween(0, 49));
        assertThat(parts.stock(partNumber, "onHand")).isZero();
        assertThat(parts.stock(partNumber, "available")).isZero();
        assertThat(parts.movementCount(partNumber)).isEqualTo(51);
        assertThat(parts.ledgerSum(partNumber)).isEqualTo(parts.stock(partNumber, "onHand"));

        try (EventProbe probe = EventProbe.on("forecourt.parts.events")) {
            EventProbe.ReceivedEvent event = probe.await("forecourt.parts.parts-issued.v1", partNumber);
            EventSchemas.assertValid(event);
            EventSchemas.assertValid(probe.await("forecourt.parts.parts-received.v1", partNumber));
        }
    }
}
