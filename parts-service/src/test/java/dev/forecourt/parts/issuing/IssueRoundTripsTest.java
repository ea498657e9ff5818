package dev.forecourt.parts.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import dev.forecourt.parts.PartsFixture;
import dev.forecourt.parts.repairorders.RepairOrders;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;

/**
 * Counts the MongoDB commands one stock issue sends while it is served. On the MongoDB-wire
 * stand-in every write is a commit to disk, so the store round trips are most of what an issue
 * costs (docs/benchmarks.md); a change that adds one to the issue path fails here. Only the
 * commands of the request's own thread are counted: the outbox relay's claim and release and the
 * sweepers run on their own threads, batched over many issues.
 */
@ForecourtServiceTest
@Import(IssueRoundTripsTest.CountingCommands.class)
class IssueRoundTripsTest {

    private static final int ISSUES = 32;

    /**
     * Per issue against a counter sale: reading the sale, the card's conditional update, and the
     * copy to the ledger, an insert and a pull for every {@code StockLedger.LEDGER_BATCH} (8)
     * movements. It was 4: the copy was an insert and a pull for each movement.
     */
    private static final double MOST_PER_COUNTER_SALE_ISSUE = 2.25;

    /**
     * Per issue against a repair order named without a line: as above, and reading the order and
     * the card's reservation of the line. It was 6: the card was read twice (to pick the line, and
     * for its reservation) though the order has one line of the part.
     */
    private static final double MOST_PER_REPAIR_ORDER_ISSUE = 3.25;

    @TestConfiguration
    static class CountingCommands {

        @Bean
        RequestCommands requestCommands() {
            return new RequestCommands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer countRequestCommands(RequestCommands commands) {
            return settings -> settings.addCommandListener(commands);
        }
    }

    /** The commands sent from the threads that serve HTTP requests, by name. */
    static class RequestCommands implements CommandListener {

        private final Map<String, AtomicInteger> byName = new ConcurrentHashMap<>();
        private volatile boolean counting;

        @Override
        public void commandStarted(CommandStartedEvent event) {
            // Tomcat's request threads; the listener is called on the thread that sends the command
            if (counting && Thread.currentThread().getName().startsWith("http-nio-")) {
                byName.computeIfAbsent(event.getCommandName(), name -> new AtomicInteger()).incrementAndGet();
            }
        }

        void start() {
            byName.clear();
            counting = true;
        }

        Map<String, Integer> stop() {
            counting = false;
            Map<String, Integer> counted = new TreeMap<>();
            byName.forEach((name, count) -> counted.put(name, count.get()));
            return counted;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    RequestCommands commands;

    @Autowired
    RepairOrders repairOrders;

    @Test
    void anIssueAgainstACounterSaleSendsAtMostItsBudgetOfStoreCommands() {
        PartsFixture parts = new PartsFixture(port);
        String partNumber = parts.part();
        parts.receive(partNumber, 100);
        String sale = parts.api().post("/api/v1/counter-sales", """
                {"customerName":"Round Trips","lines":[{"partNumber":"%s","quantity":%d}]}""".formatted(partNumber, ISSUES)).at("/id");

        double perIssue = commandsPerIssue("counter sale", () -> parts.api().post("/api/v1/stock-issues", """
                {"partNumber":"%s","quantity":1,"document":{"type":"COUNTER_SALE","id":"%s"}}""".formatted(partNumber, sale)));

        assertThat(perIssue).isLessThanOrEqualTo(MOST_PER_COUNTER_SALE_ISSUE);
        assertLedgerComplete(parts, partNumber);
    }

    @Test
    void anIssueAgainstARepairOrderSendsAtMostItsBudgetOfStoreCommands() {
        PartsFixture parts = new PartsFixture(port, repairOrders);
        String partNumber = parts.part();
        parts.receive(partNumber, 100);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < ISSUES; i++) {
            orders.add(PartsFixture.id("ro"));
            parts.openRepairOrder(orders.get(i), partNumber, "L1");
        }
        Iterator<String> next = orders.iterator();

        double perIssue = commandsPerIssue("repair order", () -> parts.api().post("/api/v1/stock-issues", """
                {"partNumber":"%s","quantity":1,"document":{"type":"REPAIR_ORDER","id":"%s"}}""".formatted(partNumber, next.next())));

        assertThat(perIssue).isLessThanOrEqualTo(MOST_PER_REPAIR_ORDER_ISSUE);
        assertLedgerComplete(parts, partNumber);
    }

    /** Makes {@link #ISSUES} issues of one piece one after the other and answers the commands they sent, per issue. */
    private double commandsPerIssue(String against, Supplier<Api.Response> issue) {
        commands.start();
        for (int i = 0; i < ISSUES; i++) {
            Api.Response issued = issue.get();
            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        }
        Map<String, Integer> counted = commands.stop();
        int total = counted.values().stream().mapToInt(Integer::intValue).sum();
        double perIssue = (double) total / ISSUES;
        System.out.printf(Locale.ROOT, "MongoDB commands for %d stock issues of one part against a %s: %d (%.3f per issue) %s%n",
                ISSUES, against, total, perIssue, counted);
        return perIssue;
    }

    /** Whatever the batching left on the card, a ledger read sees it: every movement once, summing to the stock. */
    private static void assertLedgerComplete(PartsFixture parts, String partNumber) {
        assertThat(parts.movementCount(partNumber)).isEqualTo(1 + ISSUES);
        assertThat(parts.ledgerSum(partNumber)).isEqualTo(parts.stock(partNumber, "onHand")).isEqualTo(100 - ISSUES);
    }
}
