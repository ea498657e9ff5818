package dev.forecourt.claims.submission;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.forecourt.claims.claim.ClaimContent;
import dev.forecourt.claims.claim.ClaimLine;
import dev.forecourt.claims.claim.WarrantyClaim;

/**
 * A claim as the OEM's API takes it. {@code submission} tells the OEM which round this is; its
 * status webhooks name the round they answer. {@code claimType} GOODWILL asks for goodwill (approved by
 * the service director); {@code campaignCode} names the recall or service campaign.
 */
public record OemClaimSubmission(
        String claimNumber, int submission, String dealerCode, String vin, String brand, String model,
        String repairOrderNumber, Integer odometerKm, LocalDate failureDate, Instant repairCompletedAt,
        String complaint, String cause, String correction, List<Line> labourOperations, List<Line> parts,
        String causalPartNumber, boolean roadService, Integer outsideServiceKm, BigDecimal claimedAmount, String currency,
        String claimType, String campaignCode, String outsideServiceOrderNumber) {

    /** A priced line: labour (reference = operation code, quantity = hours) or part (reference = part number). */
    public record Line(String reference, String description, BigDecimal quantity, BigDecimal amount) {
    }

    static OemClaimSubmission of(WarrantyClaim claim) {
        ClaimContent c = claim.getContent();
        return new OemClaimSubmission(claim.getClaimNumber(), claim.getSubmission(), claim.getStoreId(), c.vin(), c.brand(),
                c.model(), c.orderNumber() != null ? c.orderNumber() : c.repairOrderId(), c.odometerKm(), c.failureDate(),
                c.handedOverAt(), c.complaint(), c.cause(), c.correction(),
                lines(claim, ClaimLine.Kind.LABOUR), lines(claim, ClaimLine.Kind.PART),
                c.causalPartNumber(), c.roadService(), c.outsideServiceKm(), claim.claimedAmount().amount(), claim.getCurrency(),
                c.claimType().name(), c.campaignCode(), c.outsideServiceOrder() == null ? null : c.outsideServiceOrder().orderNumber());
    }

    private static List<Line> lines(WarrantyClaim claim, ClaimLine.Kind kind) {
        return claim.getLines().stream().filter(l -> l.kind() == kind)
                .map(l -> new Line(l.reference(), l.description(), l.quantity(), l.claimed().amount())).toList();
    }
}
