package dev.forecourt.parts.stocktake;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.web.Versioned;

/** A stocktake as answered by the API; its version is the ETag the next step sends back in If-Match. */
public record StocktakeView(String id, StocktakeStatus status, List<CountSheet> sheets, Stocktake.StocktakeSummary summary,
                            Instant startedAt, Actor startedBy, Instant submittedAt, Actor submittedBy, Instant approvedAt,
                            Actor approvedBy, Long version) implements Versioned {

    public static StocktakeView of(Stocktake s) {
        return new StocktakeView(s.getId(), s.getStatus(), s.getSheets(), s.getSummary(), s.getStartedAt(), s.getStartedBy(),
                s.getSubmittedAt(), s.getSubmittedBy(), s.getApprovedAt(), s.getApprovedBy(), s.getVersion());
    }
}
