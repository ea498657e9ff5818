package dev.forecourt.sales.testdrives;

import static dev.forecourt.sales.SalesFixtures.CONSULTANT;
import static dev.forecourt.sales.SalesFixtures.STOCK_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.sales.SalesFixtures;

@ForecourtServiceTest
class TestDriveApiTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    SalesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SalesFixtures(port);
    }

    String demoCar() {
        String vin = fx.vehicleInStock("180000.00", true);
        assertThat(fx.as(STOCK_ADMIN).post("/api/v1/vehicles/" + vin + "/demo-pool").status()).isEqualTo(200);
        return vin;
    }

    static String slot(int hour, int minute) {
        return OffsetDateTime.of(LocalDate.now(SHANGHAI).plusDays(1), LocalTime.of(hour, minute), SHANGHAI.getRules()
                .getOffset(java.time.Instant.now())).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    Api.Response book(String vin, String slotStart, String licenceExpiry) {
        return fx.as(CONSULTANT).post("/api/v1/test-drives", """
                {"carVin":"%s","slotStart":"%s","customer":{"name":"陈静","phone":"13800000005"},
                 "licence":{"number":"310101199001010021","expiresOn":"%s"}}""".formatted(vin, slotStart, licenceExpiry));
    }

    @Test
    void concurrentBookingsOfTheSameDemoCarAndSlotSucceedOnce() throws Exception {
        String vin = demoCar();
        String slot = slot(10, 0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return book(vin, slot, "2035-01-01");
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            statuses.add(answer.get().status());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(book(vin, slot(10, 30), "2035-01-01").status()).as("the next slot is free").isEqualTo(201);
    }

    @Test
    void aCancelledDriveFreesItsSlotAndFeedbackCompletesADrive() {
        String vin = demoCar();
        Api.Response first = book(vin, slot(14, 0), "2035-01-01");
        assertThat(first.status()).isEqualTo(201);
        assertThat(fx.as(CONSULTANT).post("/api/v1/test-drives/" + first.at("/id") + "/cancel").at("/status")).isEqualTo("CANCELLED");
        Api.Response second = book(vin, slot(14, 0), "2035-01-01");
        assertThat(second.status()).isEqualTo(201);

        Api.Response done = fx.as(CONSULTANT).post("/api/v1/test-drives/" + second.at("/id") + "/feedback",
                "{\"rating\":5,\"intendsToBuy\":true,\"comments\":\"quiet cabin\"}");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.at("/status")).isEqualTo("COMPLETED");
        assertThat(done.at("/feedback/comments")).isEqualTo("quiet cabin");
    }

    @Test
    void aDriveNeedsAValidLicenceADemoCarAndASlotStart() {
        String vin = demoCar();
        Api.Response expired = book(vin, slot(11, 0), LocalDate.now(SHANGHAI).toString());
        assertThat(expired.status()).isEqualTo(422);
        assertThat(expired.at("/type")).isEqualTo("https://forecourt.dev/problems/licence-expired");

        String forSale = fx.vehicleInStock("100000.00", true);
        assertThat(book(forSale, slot(11, 0), "2035-01-01").at("/type")).isEqualTo("https://forecourt.dev/problems/not-a-demo-car");
        assertThat(book(vin, slot(11, 10), "2035-01-01").at("/type")).isEqualTo("https://forecourt.dev/problems/slot-boundary");
        Api.Response noLicence = fx.as(CONSULTANT).post("/api/v1/test-drives", """
                {"carVin":"%s","slotStart":"%s","customer":{"name":"陈静","phone":"13800000005"}}""".formatted(vin, slot(11, 0)));
        assertThat(noLicence.status()).isEqualTo(400);
    }
}
