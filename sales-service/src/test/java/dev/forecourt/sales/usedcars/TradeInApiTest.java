package dev.forecourt.sales.usedcars;

import static dev.forecourt.sales.SalesFixtures.CONSULTANT;
import static dev.forecourt.sales.SalesFixtures.USED_CAR_SPECIALIST;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.sales.SalesFixtures;

@ForecourtServiceTest
class TradeInApiTest {

    @LocalServerPort
    int port;

    SalesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SalesFixtures(port);
    }

    Api.Response appraise(String value) {
        return fx.as(USED_CAR_SPECIALIST).post("/api/v1/used-cars", """
                {"vin":"%s","brand":"Volkswagen","model":"Bora","firstRegistration":"2019-05-01","odometerKm":86000,
                 "seller":{"name":"刘洋","phone":"13800000004"},"appraisedValue":{"amount":%s,"currency":"CNY"},
                 "condition":"GOOD","notes":"minor scratches"}""".formatted(SalesFixtures.newVin(), value));
    }

    @Test
    void anAppraisedCarTradedInIsCreditedToOneNewCarOrderOnly() {
        String usedCar = appraise("30000.00").at("/id");
        String vin = fx.vehicleInStock("100000.00", true);
        String order = fx.confirmedOrder(vin);
        String otherOrder = fx.confirmedOrder(fx.vehicleInStock("100000.00", true));

        Api.Response tradeIn = fx.as(USED_CAR_SPECIALIST).post("/api/v1/trade-ins",
                "{\"usedCarId\":\"" + usedCar + "\",\"salesOrderId\":\"" + order + "\"}");
        assertThat(tradeIn.status()).as(tradeIn.toString()).isEqualTo(201);
        assertThat(new BigDecimal(tradeIn.at("/credited/amount"))).isEqualByComparingTo("30000");
        assertThat(new BigDecimal(fx.order(order).at("/balanceDue/amount"))).isEqualByComparingTo("74000");
        assertThat(fx.as(USED_CAR_SPECIALIST).get("/api/v1/used-cars/" + usedCar).at("/status")).isEqualTo("TRADED_IN");

        Api.Response again = fx.as(USED_CAR_SPECIALIST).post("/api/v1/trade-ins",
                "{\"usedCarId\":\"" + usedCar + "\",\"salesOrderId\":\"" + otherOrder + "\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(fx.order(otherOrder).at("/tradeIn")).isNull();
    }

    @Test
    void aTradeInTheOrderRefusesIsUndone() {
        String usedCar = appraise("200000.00").at("/id");
        String order = fx.confirmedOrder(fx.vehicleInStock("100000.00", true));
        Api.Response tooMuch = fx.as(USED_CAR_SPECIALIST).post("/api/v1/trade-ins",
                "{\"usedCarId\":\"" + usedCar + "\",\"salesOrderId\":\"" + order + "\"}");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(fx.as(USED_CAR_SPECIALIST).get("/api/v1/used-cars/" + usedCar).at("/status")).isEqualTo("APPRAISED");
    }

    @Test
    void aUsedCarIsBoughtAndResold() {
        String usedCar = appraise("50000.00").at("/id");
        assertThat(fx.as(CONSULTANT).post("/api/v1/used-cars/" + usedCar + "/purchase", "{\"price\":{\"amount\":48000,\"currency\":\"CNY\"}}")
                .status()).isEqualTo(403);
        Api.Response bought = fx.as(USED_CAR_SPECIALIST).post("/api/v1/used-cars/" + usedCar + "/purchase",
                "{\"price\":{\"amount\":48000,\"currency\":\"CNY\"}}");
        assertThat(bought.at("/status")).isEqualTo("PURCHASED");
        Api.Response resold = fx.as(USED_CAR_SPECIALIST).post("/api/v1/used-cars/" + usedCar + "/resale",
                "{\"price\":{\"amount\":56000,\"currency\":\"CNY\"},\"buyer\":{\"name\":\"陈静\",\"phone\":\"13800000005\"}}");
        assertThat(resold.at("/status")).isEqualTo("RESOLD");
    }
}
