package dev.forecourt.parts.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.forecourt.parts.PartsFixture;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;

@ForecourtServiceTest
class IssueValidationTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    dev.forecourt.parts.repairorders.RepairOrders repairOrders;

    PartsFixture parts;
    String partNumber;

    @BeforeEach
    void tenOnTheShelf() {
        parts = new PartsFixture(port, repairOrders);
        partNumber = parts.part();
        parts.receive(partNumber, 10);
    }

    @Test
    void anIssueWithoutADocumentIsRefusedAndNothingIsWritten() {
        Api.Response answer = parts.api().post("/api/v1/stock-issues", """
                {"partNumber":"%s","quantity":1}""".formatted(partNumber));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.body()).contains("document");
        assertNothingWritten();
    }

    @Test
    void anIssueWithADocumentWithoutNumberIsRefused() {
        Api.Response answer = parts.api().post("/api/v1/stock-issues", """
                {"partNumber":"%s","quantity":1,"document":{"type":"REPAIR_ORDER","id":" "}}""".formatted(partNumber));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("document.id");
        assertNothingWritten();
    }

    @Test
    void zeroAndNegativeQuantitiesAreRefused() {
        for (int quantity : new int[] {0, -3}) {
            Api.Response answer = parts.issue(partNumber, quantity, "ro-1");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.body()).contains("quantity");
        }
        assertNothingWritten();
    }

    @Test
    void anUnknownPartIsNotFoundAndNothingIsWritten() {
        Api.Response answer = parts.issue("NOSUCHPART1", 1, "ro-1");
        assertThat(answer.status()).isEqualTo(404);
        assertNothingWritten();
    }

    @Test
    void anUnknownDocumentTypeIsRefused() {
        Api.Response answer = parts.api().post("/api/v1/stock-issues", """
                {"partNumber":"%s","quantity":1,"document":{"type":"IOU","id":"x"}}""".formatted(partNumber));
        assertThat(answer.status()).isEqualTo(400);
        assertNothingWritten();
    }

    @Test
    void moreThanAvailableIsRefusedWithTheAvailableQuantity() {
        Api.Response answer = parts.issue(partNumber, 11, "ro-1");
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.at("/type")).endsWith("/stock-insufficient");
        assertThat(answer.json().get("available").asInt()).isEqualTo(10);
        assertNothingWritten();
    }

    @Test
    void onlyStaffAllowedToIssueMayIssue() {
        Api advisor = Api.at(port).checked().as(TestTokens.staff("advisor", "service-advisor", "parts:read"));
        Api.Response answer = advisor.post("/api/v1/stock-issues", """
                {"partNumber":"%s","quantity":1,"document":{"type":"COUNTER_SALE","id":"cs-1"}}""".formatted(partNumber));
        assertThat(answer.status()).isEqualTo(403);
        assertNothingWritten();
    }

    @Test
    void aCounterSaleIsFoundByItsIdAsByItsNumber() {
        Api.Response sale = parts.api().post("/api/v1/counter-sales", """
                {"customerName":"Walk-in","customerPhone":"13900000043","lines":[{"partNumber":"%s","quantity":1}]}""".formatted(partNumber));
        Api.Response answer = parts.api().post("/api/v1/stock-issues", """
                {"partNumber":"%s","quantity":1,"document":{"type":"COUNTER_SALE","id":"%s"}}""".formatted(partNumber, sale.at("/id")));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        Api.Response issue = parts.api().get(answer.header("Location"));
        assertThat(issue.at("/document/id")).isEqualTo(sale.at("/id"));
        assertThat(issue.at("/document/number")).isEqualTo(sale.at("/saleNumber"));
    }

    @Test
    void anIssueIsRecordedWithItsDocumentAndUser() {
        Api.Response sale = parts.api().post("/api/v1/counter-sales", """
                {"customerName":"Walk-in","customerPhone":"13900000042","lines":[{"partNumber":"%s","quantity":3}]}""".formatted(partNumber));
        assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
        Api.Response answer = parts.api().post("/api/v1/stock-issues", """
                {"partNumber":"%s","quantity":3,"document":{"type":"COUNTER_SALE","id":"%s"}}""".formatted(partNumber, sale.at("/saleNumber")));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("Location")).isEqualTo("/api/v1/stock-issues/" + answer.at("/issueId"));
        assertThat(answer.at("/stock/onHand")).isEqualTo("7");

        Api.Response issue = parts.api().get(answer.header("Location"));
        assertThat(issue.at("/quantity")).isEqualTo("3");
        assertThat(issue.at("/document/type")).isEqualTo("COUNTER_SALE");
        assertThat(issue.at("/document/id")).isEqualTo(sale.at("/id"));
        assertThat(issue.at("/document/number")).isEqualTo(sale.at("/saleNumber"));
        assertThat(issue.at("/issuedBy/username")).isEqualTo("storekeeper");
        Api.Response movements = parts.api().get("/api/v1/parts/" + partNumber + "/movements");
        assertThat(movements.at("/items/1/type")).isEqualTo("ISSUE");
        assertThat(movements.at("/items/1/by/username")).isEqualTo("storekeeper");
        assertThat(parts.ledgerSum(partNumber)).isEqualTo(7);
        assertThat(Api.at(port).get("/actuator/prometheus").body()).contains("forecourt_parts_issued_pieces_total");
    }

    private void assertNothingWritten() {
        assertThat(parts.stock(partNumber, "onHand")).isEqualTo(10);
        assertThat(parts.movementCount(partNumber)).isEqualTo(1);
    }
}
