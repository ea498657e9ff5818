package dev.forecourt.claims.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.claims.claim.ClaimStatus;
import dev.forecourt.claims.claim.HistoryEntry;
import dev.forecourt.claims.claim.WarrantyClaim;
import dev.forecourt.claims.claim.WarrantyClaims;
import dev.forecourt.claims.eligibility.WarrantyTermsCatalog;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.store.ForecourtProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Claims drafted in a period (store-local dates, both inclusive; open-ended when left out). */
@RestController
@RequestMapping("/api/v1/claims-reports")
@Tag(name = "Claims reports", description = "Approval rate, rejection reasons, amounts")
public class ClaimsReportController {

    private final WarrantyClaims claims;
    private final ForecourtProperties store;
    private final WarrantyTermsCatalog terms;

    public ClaimsReportController(WarrantyClaims claims, ForecourtProperties store, WarrantyTermsCatalog terms) {
        this.claims = claims;
        this.store = store;
        this.terms = terms;
    }

    @GetMapping("/summary")
    @PreAuthorize("hasAuthority('claims:reports')")
    @Operation(summary = "Claims by status, approval rate, amounts submitted / approved / paid / outstanding",
            operationId = "claimsSummary")
    public ClaimsSummary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return ClaimsSummary.of(from, to, claims(from, to), terms.forBrand(null).labourRate().currency());
    }

    public record ReasonCount(String reasonCode, int rejections) {
    }

    /** @param total all rejections in the period, every submission round counted */
    public record RejectionReasons(LocalDate from, LocalDate to, List<ReasonCount> items, int total) {
    }

    @GetMapping("/rejection-reasons")
    @PreAuthorize("hasAuthority('claims:reports')")
    @Operation(summary = "How often the OEM rejected claims, per reason code (every submission round counted)",
            operationId = "claimRejectionReasons")
    public RejectionReasons rejectionReasons(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Map<String, Integer> counts = new TreeMap<>();
        for (WarrantyClaim claim : claims(from, to)) {
            for (HistoryEntry entry : claim.getHistory()) {
                if (entry.to() == ClaimStatus.REJECTED && entry.from() != ClaimStatus.REJECTED) {
                    counts.merge(entry.reasonCode() == null ? "UNSPECIFIED" : entry.reasonCode(), 1, Integer::sum);
                }
            }
        }
        List<ReasonCount> items = counts.entrySet().stream().map(e -> new ReasonCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(ReasonCount::rejections).reversed().thenComparing(ReasonCount::reasonCode)).toList();
        return new RejectionReasons(from, to, items, items.stream().mapToInt(ReasonCount::rejections).sum());
    }

    private List<WarrantyClaim> claims(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("The period ends before it starts", new FieldProblem("to", "must not be before from"));
        }
        ZoneId zone = store.timeZone();
        return claims.draftedBetween(from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
