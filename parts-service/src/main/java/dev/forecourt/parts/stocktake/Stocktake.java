package dev.forecourt.parts.stocktake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.IllegalTransition;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * A stocktake (盘点): count sheets by bin with the book quantities frozen at the start, the counts,
 * and the variances the parts manager approves before they are booked as adjustments.
 */
@Document("stocktakes")
public class Stocktake extends OutboxAggregate {

    @Id
    private String id;
    private String storeId;
    private StocktakeStatus status;
    private List<CountSheet> sheets;
    private Instant startedAt;
    private Actor startedBy;
    private Instant submittedAt;
    private Actor submittedBy;
    private Instant approvedAt;
    private Actor approvedBy;

    static Stocktake start(String id, String storeId, List<CountSheet> sheets, Actor by, Instant at) {
        Stocktake stocktake = new Stocktake();
        stocktake.id = id;
        stocktake.storeId = storeId;
        stocktake.status = StocktakeStatus.COUNTING;
        stocktake.sheets = sheets;
        stocktake.startedAt = at;
        stocktake.startedBy = by;
        return stocktake;
    }

    /**
     * Records counted quantities; only while counting, and only for parts on the sheets. Each line
     * takes the book quantity of the moment of the count ({@code booksNow}), so that stock issued or
     * received while the store was counting is not counted twice (see {@link CountLine}).
     */
    void record(Map<String, Integer> counts, Map<String, Integer> booksNow) {
        if (status != StocktakeStatus.COUNTING) {
            throw new IllegalTransition("Counts can only be recorded while counting", status);
        }
        List<FieldProblem> unknown = counts.keySet().stream().filter(p -> line(p) == null)
                .map(p -> new FieldProblem("counts." + p, "is not on this stocktake's sheets")).toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolated("not-on-sheet", "Part not on the count sheets",
                    "Only parts on the sheets can be counted", unknown.toArray(FieldProblem[]::new));
        }
        replaceLines(line -> counts.containsKey(line.partNumber())
                ? line.counted(counts.get(line.partNumber()), booksNow.getOrDefault(line.partNumber(), line.bookQuantity()))
                : line);
    }

    /** Hands the counts to the manager; every line must have been counted. */
    void submit(Actor by, Instant at) {
        Lifecycle.requireTransition(status, StocktakeStatus.SUBMITTED, "Only a stocktake being counted can be submitted");
        List<FieldProblem> missing = lines().stream().filter(l -> l.countedQuantity() == null)
                .map(l -> new FieldProblem("counts." + l.partNumber(), "has not been counted")).toList();
        if (!missing.isEmpty()) {
            throw new RuleViolated("count-incomplete", "Not everything counted",
                    missing.size() + " line(s) still need a count", missing.toArray(FieldProblem[]::new));
        }
        status = StocktakeStatus.SUBMITTED;
        submittedAt = at;
        submittedBy = by;
    }

    /** Sends the counts back for a recount (the manager doubts them). */
    void recount() {
        status = Lifecycle.requireTransition(status, StocktakeStatus.COUNTING, "Only a submitted stocktake can be sent back for recount");
    }

    /** The manager approved: the variances are being booked (claimed once, so two clicks cannot book twice). */
    void startApproval() {
        status = Lifecycle.requireTransition(status, StocktakeStatus.APPROVING, "Only a submitted stocktake can be approved");
    }

    /** A variance could not be booked: back to SUBMITTED; the lines booked so far stay booked. */
    void approvalInterrupted() {
        status = Lifecycle.requireTransition(status, StocktakeStatus.SUBMITTED);
    }

    void markAdjusted(String partNumber, String movementId) {
        replaceLines(line -> line.partNumber().equals(partNumber) ? line.adjusted(movementId) : line);
    }

    void completeApproval(Actor by, Instant at) {
        status = Lifecycle.requireTransition(status, StocktakeStatus.APPROVED);
        StocktakeSummary summary = getSummary();
        raise(new StocktakeApproved(id, lines().size(), lines().stream().filter(l -> l.variance() != null && l.variance() != 0)
                .map(l -> new StocktakeApproved.Variance(l.partNumber(), l.bookQuantity(), l.countedQuantity(), l.variance(),
                        l.unitPrice().multiply(BigDecimal.valueOf(l.variance())).setScale(2, java.math.RoundingMode.HALF_UP),
                        l.adjustmentMovementId()))
                .toList(), summary.netVariance(), summary.varianceValue(), by.username(), at));
        approvedAt = at;
        approvedBy = by;
    }

    public List<CountLine> lines() {
        return sheets.stream().flatMap(s -> s.lines().stream()).toList();
    }

    public StocktakeSummary getSummary() {
        int withVariance = 0;
        int net = 0;
        BigDecimal value = BigDecimal.ZERO;
        for (CountLine line : lines()) {
            Integer variance = line.variance();
            if (variance != null && variance != 0) {
                withVariance++;
                net += variance;
                value = value.add(line.unitPrice().multiply(BigDecimal.valueOf(variance)));
            }
        }
        return new StocktakeSummary(lines().size(), (int) lines().stream().filter(l -> l.countedQuantity() != null).count(),
                withVariance, net, value.setScale(2, java.math.RoundingMode.HALF_UP));
    }

    private CountLine line(String partNumber) {
        return lines().stream().filter(l -> l.partNumber().equals(partNumber)).findFirst().orElse(null);
    }

    private void replaceLines(UnaryOperator<CountLine> change) {
        List<CountSheet> changed = new ArrayList<>();
        for (CountSheet sheet : sheets) {
            changed.add(new CountSheet(sheet.binLocation(), sheet.lines().stream().map(change).toList()));
        }
        sheets = changed;
    }

    public String getId() { return id; }
    public StocktakeStatus getStatus() { return status; }
    public List<CountSheet> getSheets() { return sheets; }
    public Instant getStartedAt() { return startedAt; }
    public Actor getStartedBy() { return startedBy; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Actor getSubmittedBy() { return submittedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public Actor getApprovedBy() { return approvedBy; }

    /** Totals the manager looks at before approving; value at catalogue price. */
    public record StocktakeSummary(int lines, int counted, int linesWithVariance, int netVariance, BigDecimal varianceValue) {
    }
}
