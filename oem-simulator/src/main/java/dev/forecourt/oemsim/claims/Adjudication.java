package dev.forecourt.oemsim.claims;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dev.forecourt.oemsim.webhook.ClaimStatusWebhook.ApprovedLine;

/**
 * How the simulated OEM decides, deterministically from the claim's content, so a demo can show
 * every path on purpose:
 * <ul>
 *   <li>a first submission whose cause is shorter than {@value #MIN_CAUSE_LENGTH} characters:
 *       ACCEPTED, then NEEDS_INFO (correct the cause and resubmit);</li>
 *   <li>more than {@value #MAX_LABOUR_HOURS} labour hours: ACCEPTED, then REJECTED with {@code LABOUR_TIME_EXCEEDED};</li>
 *   <li>otherwise ACCEPTED, APPROVED with every line in full, PAID; when the parts claimed come to
 *       {@value #PART_RETURN_THRESHOLD} or more, ACCEPTED also asks for the causal part back.</li>
 * </ul>
 */
public final class Adjudication {

    static final int MIN_CAUSE_LENGTH = 20;
    static final int MAX_LABOUR_HOURS = 10;
    static final int PART_RETURN_THRESHOLD = 1000;

    private Adjudication() {
    }

    /** One status to report, in order. */
    public record Step(String status, String reasonCode, String message, List<ApprovedLine> approvedLines, BigDecimal paidAmount,
                       boolean partReturnRequested) {

        static Step of(String status) {
            return new Step(status, null, null, List.of(), null, false);
        }
    }

    public static List<Step> of(ClaimSubmission claim) {
        String cause = claim.cause() == null ? "" : claim.cause().trim();
        if (claim.submission() == 1 && cause.length() < MIN_CAUSE_LENGTH) {
            return List.of(Step.of("ACCEPTED"), new Step("NEEDS_INFO", null,
                    "Describe the root cause in at least " + MIN_CAUSE_LENGTH + " characters", List.of(), null, false));
        }
        BigDecimal hours = sum(claim.labourOperations(), ClaimSubmission.Line::quantity);
        if (hours.compareTo(BigDecimal.valueOf(MAX_LABOUR_HOURS)) > 0) {
            return List.of(Step.of("ACCEPTED"), new Step("REJECTED", "LABOUR_TIME_EXCEEDED",
                    hours + " labour hours exceed the standard time", List.of(), null, false));
        }
        boolean partBack = sum(claim.parts(), ClaimSubmission.Line::amount).compareTo(BigDecimal.valueOf(PART_RETURN_THRESHOLD)) >= 0;
        List<ApprovedLine> approved = new ArrayList<>();
        claim.labourOperations().forEach(l -> approved.add(new ApprovedLine("LABOUR", l.reference(), amount(l))));
        claim.parts().forEach(p -> approved.add(new ApprovedLine("PART", p.reference(), amount(p))));
        BigDecimal total = approved.stream().map(ApprovedLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return List.of(
                new Step("ACCEPTED", null, null, List.of(), null, partBack),
                new Step("APPROVED", null, null, List.copyOf(approved), null, false),
                new Step("PAID", null, null, List.of(), total, false));
    }

    private static BigDecimal amount(ClaimSubmission.Line line) {
        return line.amount() == null ? BigDecimal.ZERO : line.amount();
    }

    private static BigDecimal sum(List<ClaimSubmission.Line> lines, Function<ClaimSubmission.Line, BigDecimal> value) {
        return lines.stream().map(value).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
