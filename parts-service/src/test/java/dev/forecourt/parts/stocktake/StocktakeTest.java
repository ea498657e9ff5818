package dev.forecourt.parts.stocktake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.DomainException;

class StocktakeTest {

    private static final Actor KEEPER = new Actor("e1", "storekeeper", "Keeper", "parts-storekeeper");

    private static Stocktake twoParts() {
        return Stocktake.start("st-1", "store-001", List.of(new CountSheet("A-01", List.of(
                new CountLine("P1", "Filter", new BigDecimal("10.00"), 10, null, null),
                new CountLine("P2", "Plug", new BigDecimal("3.00"), 4, null, null)))), KEEPER, Instant.EPOCH);
    }

    @Test
    void aStocktakeCannotBeSubmittedBeforeEveryLineIsCounted() {
        Stocktake stocktake = twoParts();
        stocktake.record(Map.of("P1", 9), Map.of());
        assertThatThrownBy(() -> stocktake.submit(KEEPER, Instant.EPOCH))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("count-incomplete"));
    }

    @Test
    void theVarianceIsCountedMinusBookValuedAtCataloguePrice() {
        Stocktake stocktake = twoParts();
        stocktake.record(Map.of("P1", 8, "P2", 5), Map.of());
        stocktake.submit(KEEPER, Instant.EPOCH);
        assertThat(stocktake.getStatus()).isEqualTo(StocktakeStatus.SUBMITTED);
        assertThat(stocktake.getSummary().netVariance()).isEqualTo(-1);
        assertThat(stocktake.getSummary().varianceValue()).isEqualByComparingTo("-17.00");
        assertThat(stocktake.lines()).filteredOn(CountLine::needsAdjustment).hasSize(2);
    }

    @Test
    void countsCannotChangeOnceSubmittedNorNameAPartOffTheSheets() {
        Stocktake stocktake = twoParts();
        assertThatThrownBy(() -> stocktake.record(Map.of("P9", 1), Map.of())).isInstanceOf(DomainException.class);
        stocktake.record(Map.of("P1", 10, "P2", 4), Map.of());
        stocktake.submit(KEEPER, Instant.EPOCH);
        assertThatThrownBy(() -> stocktake.record(Map.of("P1", 1), Map.of()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.properties()).containsEntry("currentState", "SUBMITTED"));
    }

    @Test
    void aBookedLineNeedsNoFurtherAdjustment() {
        Stocktake stocktake = twoParts();
        stocktake.record(Map.of("P1", 8, "P2", 4), Map.of());
        stocktake.markAdjusted("P1", "st-1-P1");
        assertThat(stocktake.lines()).noneMatch(CountLine::needsAdjustment);
    }

    @Test
    void theVarianceIsTakenAgainstTheBookOfTheMomentOfTheCount() {
        Stocktake stocktake = twoParts();
        // printed with book 10; one piece issued before the bin was counted: book 9, the shelf shows 8
        stocktake.record(Map.of("P1", 8, "P2", 4), Map.of("P1", 9));
        assertThat(stocktake.lines()).filteredOn(l -> l.partNumber().equals("P1"))
                .singleElement().satisfies(l -> {
                    assertThat(l.bookQuantity()).isEqualTo(9);
                    assertThat(l.variance()).isEqualTo(-1);
                });
        assertThat(stocktake.lines()).filteredOn(l -> l.partNumber().equals("P2")).singleElement()
                .satisfies(l -> assertThat(l.variance()).isZero());
    }
}
