package dev.forecourt.devstack;

import static dev.forecourt.devstack.FlowSupport.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An analyst's view: the store's day rebuilt from Kafka alone with the examples in docs/analytics
 * (kcat + jq), equal to what the API reports; and a lead opened through the gateway is on the
 * sales stream at once.
 */
class E2eAnalyticsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId STORE_ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void aLeadOpenedThroughTheGatewayIsReadableOnTheSalesStreamWithinASecond() {
        Api consultant = RunningStack.as("sales");
        try (EventProbe probe = EventProbe.on(RunningStack.KAFKA, "forecourt.sales.events")) {
            probe.await(e -> true, "the stream's existing events (the probe is reading)");
            Api.Response opened = expect(consultant.post("/api/v1/leads", openLead(FlowSupport.mobile(), "WALK_IN")), 201);
            long answeredAt = System.nanoTime();
            var event = probe.await("forecourt.sales.lead-opened.v1", opened.at("/id"));
            Duration latency = Duration.ofNanos(System.nanoTime() - answeredAt);
            EventSchemas.assertValid(event);
            assertThat(latency).as("from the 201 to the CloudEvent read by an outside consumer").isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void theDailyWalkInWonLostSummaryRebuiltFromEventsEqualsTheApis() throws Exception {
        Api consultant = RunningStack.as("sales");
        String won = expect(consultant.post("/api/v1/leads", openLead(FlowSupport.mobile(), "WALK_IN")), 201).at("/id");
        String lost = expect(consultant.post("/api/v1/leads", openLead(FlowSupport.mobile(), "PHONE")), 201).at("/id");
        // a lead nobody contacted cannot be won
        expect(consultant.post("/api/v1/leads/" + won + "/contacts", "{\"channel\":\"IN_PERSON\",\"note\":\"came back to sign\"}"), 200);
        expect(consultant.post("/api/v1/leads/" + won + "/won", "{}"), 200);
        expect(consultant.post("/api/v1/leads/" + lost + "/lost", "{\"reason\":\"bought a competitor's car\"}"), 200);
        try (EventProbe probe = EventProbe.on(RunningStack.KAFKA, "forecourt.sales.events")) {
            probe.await("forecourt.sales.lead-lost.v1", lost);
        }
        String today = LocalDate.now(STORE_ZONE).toString();

        JsonNode fromEvents = JSON.readTree(run("daily-summary.sh", today, RunningStack.KAFKA));
        JsonNode fromApi = expect(RunningStack.as("salesmanager").get("/api/v1/sales-reports/daily?date=" + today), 200).json();

        for (String column : new String[] {"walkIns", "newLeads", "won", "lost"}) {
            assertThat(fromEvents.at("/totals/" + column).asInt()).as(column).isEqualTo(fromApi.at("/totals/" + column).asInt());
        }
        for (JsonNode line : fromApi.get("consultants")) {
            JsonNode rebuilt = null;
            for (JsonNode candidate : fromEvents.get("consultants")) {
                if (candidate.get("consultantId").asString().equals(line.get("consultantId").asString())) {
                    rebuilt = candidate;
                }
            }
            if (line.get("newLeads").asInt() + line.get("won").asInt() + line.get("lost").asInt() == 0) {
                continue; // a line with only test drives, orders or deliveries: the example does not rebuild those
            }
            assertThat(rebuilt).as("consultant " + line.get("consultantId")).isNotNull();
            for (String column : new String[] {"walkIns", "newLeads", "won", "lost"}) {
                assertThat(rebuilt.get(column).asInt()).as(line.get("consultantId") + " " + column).isEqualTo(line.get(column).asInt());
            }
        }
    }

    @Test
    void partsOnHandRebuiltFromEventsEqualsTheApis() throws Exception {
        JsonNode fromEvents = JSON.readTree(run("parts-on-hand.sh", RunningStack.KAFKA));
        Api storekeeper = RunningStack.as("storekeeper");
        assertThat(fromEvents.size()).as("the demo catalogue's parts moved").isPositive();
        for (String partNumber : new String[] {"06L115562B", "5Q0698151", "04E905612C", "1K0819653B", "5Q0407151A", "G052195M2"}) {
            int onHand = expect(storekeeper.get("/api/v1/parts/" + partNumber + "/stock"), 200).json().get("onHand").asInt();
            assertThat(fromEvents.path(partNumber).asInt(0)).as(partNumber).isEqualTo(onHand);
        }
    }

    private static String openLead(String phone, String source) {
        return """
                {"customer":{"name":"E2E 分析 %s","phone":"%s"},"source":"%s",
                 "interest":{"model":"Passat","trim":"380TSI","notes":"analytics check"}}""".formatted(phone.substring(7), phone, source);
    }

    /** Runs one of docs/analytics' examples as an analyst would. */
    private static String run(String script, String... args) throws IOException, InterruptedException {
        Path path = Path.of("..", "docs", "analytics", script).toAbsolutePath().normalize();
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = path.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(script + " " + output).isZero();
        return output;
    }
}
