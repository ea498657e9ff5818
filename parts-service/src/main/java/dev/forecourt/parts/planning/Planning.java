package dev.forecourt.parts.planning;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import dev.forecourt.parts.catalogue.Catalogue;
import dev.forecourt.parts.catalogue.Part;
import dev.forecourt.parts.stock.StockCard;
import dev.forecourt.parts.stock.StockLedger;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.store.ForecourtProperties;

/** The planner's and manager's views: reorder suggestions, slow movers, stock turnover. */
@Service
public class Planning {

    private final Catalogue catalogue;
    private final StockLedger ledger;
    private final LedgerStatistics statistics;
    private final ForecourtProperties store;
    private final Clock clock;

    public Planning(Catalogue catalogue, StockLedger ledger, LedgerStatistics statistics, ForecourtProperties store, Clock clock) {
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.statistics = statistics;
        this.store = store;
        this.clock = clock;
    }

    /** Only genuine OEM parts are ordered (the store buys from the OEM parts centre), so only they are suggested. */
    public List<ReplenishmentSuggestion> suggestions(int usageDays, int leadTimeDays) {
        Instant now = clock.instant();
        Map<String, Integer> used = statistics.issued(now.minus(Duration.ofDays(usageDays)), now);
        ReplenishmentPolicy policy = new ReplenishmentPolicy(usageDays, leadTimeDays);
        List<Part> parts = catalogue.all().stream().filter(Part::isGenuineOem).toList();
        Map<String, StockCard> cards = cards(parts);
        List<ReplenishmentSuggestion> suggestions = new ArrayList<>();
        for (Part part : parts) {
            StockCard card = cards.get(part.getPartNumber());
            int available = card == null ? 0 : card.getAvailable();
            policy.suggest(new ReplenishmentPolicy.Facts(part.getPartNumber(), part.getName(), available, part.getMinStock(),
                    part.getMaxStock(), part.getSafetyStock(), used.getOrDefault(part.getPartNumber(), 0))).ifPresent(suggestions::add);
        }
        return suggestions;
    }

    /** Parts on the shelf that nobody issued for {@code days} days (滞销件), most capital tied up first. */
    public List<SlowMover> slowMovers(int days) {
        Instant cutoff = clock.instant().minus(Duration.ofDays(days));
        List<Part> parts = catalogue.all();
        Map<String, StockCard> cards = cards(parts);
        return parts.stream().map(part -> Optional.ofNullable(cards.get(part.getPartNumber()))
                        .filter(card -> card.getOnHand() > 0)
                        .filter(card -> card.getLastIssuedAt() == null || card.getLastIssuedAt().isBefore(cutoff))
                        .map(card -> new SlowMover(part.getPartNumber(), part.getName(), part.getBinLocation(), card.getOnHand(),
                                part.getPrice().amount().multiply(BigDecimal.valueOf(card.getOnHand())), card.getLastIssuedAt())))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(SlowMover::stockValue).reversed().thenComparing(SlowMover::partNumber))
                .toList();
    }

    /**
     * Stock turnover over [from, to] (store-local dates): cost of parts issued divided by the
     * average stock value, the average taken from the opening and closing stock reconstructed
     * from the ledger.
     */
    public TurnoverReport turnover(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidValue("The period ends before it starts", new FieldProblem("to", "must not be before from"));
        }
        Instant start = from.atStartOfDay(store.timeZone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(store.timeZone()).toInstant();
        Map<String, Integer> issued = statistics.issued(start, end);
        Map<String, Integer> sinceStart = statistics.netChangeSince(start);
        Map<String, Integer> sinceEnd = statistics.netChangeSince(end);
        List<Part> parts = catalogue.all();
        Map<String, StockCard> cards = cards(parts);
        List<TurnoverReport.Line> lines = new ArrayList<>();
        for (Part part : parts) {
            StockCard card = cards.get(part.getPartNumber());
            int onHand = card == null ? 0 : card.getOnHand();
            int opening = onHand - sinceStart.getOrDefault(part.getPartNumber(), 0);
            int closing = onHand - sinceEnd.getOrDefault(part.getPartNumber(), 0);
            BigDecimal price = part.getPrice().amount();
            lines.add(TurnoverReport.line(part.getPartNumber(), part.getName(), issued.getOrDefault(part.getPartNumber(), 0),
                    opening, closing, price));
        }
        BigDecimal cost = lines.stream().map(TurnoverReport.Line::costOfIssues).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal average = lines.stream().map(TurnoverReport.Line::averageStockValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new TurnoverReport(from, to, cost, average, TurnoverReport.ratio(cost, average), lines);
    }

    private Map<String, StockCard> cards(List<Part> parts) {
        return ledger.cards(parts.stream().map(Part::getPartNumber).toList()).stream()
                .collect(Collectors.toMap(StockCard::getPartNumber, Function.identity()));
    }

    /** A part tying up capital without moving. */
    public record SlowMover(String partNumber, String name, String binLocation, int onHand, BigDecimal stockValue, Instant lastIssuedAt) {
    }

    /** Turnover of the period: totals and per part. */
    public record TurnoverReport(LocalDate from, LocalDate to, BigDecimal costOfIssues, BigDecimal averageStockValue, BigDecimal turnover,
                                 List<Line> parts) {

        @Schema(name = "TurnoverLine")
        public record Line(String partNumber, String name, int issued, int openingStock, int closingStock, BigDecimal costOfIssues,
                           BigDecimal averageStockValue, BigDecimal turnover) {
        }

        static Line line(String partNumber, String name, int issued, int opening, int closing, BigDecimal price) {
            BigDecimal cost = price.multiply(BigDecimal.valueOf(issued)).setScale(2, RoundingMode.HALF_UP);
            BigDecimal average = price.multiply(BigDecimal.valueOf(opening + closing)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
            return new Line(partNumber, name, issued, opening, closing, cost, average, ratio(cost, average));
        }

        /** Null when there was no stock to turn over. */
        static BigDecimal ratio(BigDecimal cost, BigDecimal average) {
            return average.signum() == 0 ? null : cost.divide(average, 2, RoundingMode.HALF_UP);
        }
    }
}
