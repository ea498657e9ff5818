package dev.forecourt.claims.claim;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.forecourt.platform.errors.FieldProblem;

/**
 * What must hold before a claim goes to the OEM, listed per field so the administrator can fix
 * everything in one pass: completeness, eligibility (the warranty's and the national
 * three-guarantees period and mileage from delivery, each named when broken), the road-service
 * order's mileage, and the OEM's submission deadline. Goodwill claims and campaign work are not
 * bound by the periods: goodwill is what the OEM pays outside them (on the service director's
 * approval), and a recall or service campaign covers every affected car.
 */
public final class ClaimChecks {

    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");

    /** The eligibility rules a claim can break, as named in {@link Breach#rule()}. */
    public static final String WARRANTY_PERIOD = "warranty-period";
    public static final String WARRANTY_MILEAGE = "warranty-mileage";
    public static final String THREE_GUARANTEES_PERIOD = "three-guarantees-period";
    public static final String THREE_GUARANTEES_MILEAGE = "three-guarantees-mileage";

    /** An eligibility rule the claim breaks, and what the administrator sees for it. */
    public record Breach(String rule, FieldProblem problem) {
    }

    private ClaimChecks() {
    }

    /**
     * @param delivery the delivery on record for the VIN, or null (then the hand-entered warranty start counts)
     * @param round    the submission round about to be sent: the deadline binds the first submission only,
     *                 a resubmission answers the OEM's own request
     */
    public static List<FieldProblem> problems(ClaimContent c, Delivery delivery, WarrantyTerms terms, int round,
                                              LocalDate today, ZoneId zone) {
        List<FieldProblem> problems = new ArrayList<>();
        completeness(c, problems);
        eligibilityStart(c, delivery, today, problems);
        breaches(c, delivery, terms, today).forEach(b -> problems.add(b.problem()));
        if (round <= 1) {
            deadline(c, terms, today, zone, problems);
        }
        return problems;
    }

    private static void completeness(ClaimContent c, List<FieldProblem> problems) {
        if (blank(c.vin())) {
            problems.add(new FieldProblem("vin", "is required"));
        } else if (!VIN.matcher(c.vin()).matches()) {
            problems.add(new FieldProblem("vin", "must be 17 characters without I, O or Q"));
        }
        require(c.brand(), "brand", problems);
        require(c.repairOrderId(), "repairOrderId", problems);
        if (c.odometerKm() == null || c.odometerKm() <= 0) {
            problems.add(new FieldProblem("odometerKm", "the mileage at the repair is required"));
        }
        if (c.failureDate() == null) {
            problems.add(new FieldProblem("failureDate", "is required"));
        }
        require(c.complaint(), "complaint", problems);
        require(c.cause(), "cause", problems);
        require(c.correction(), "correction", problems);
        if (c.labourOperations().isEmpty()) {
            problems.add(new FieldProblem("labourOperations", "at least one labour operation is required"));
        }
        for (int i = 0; i < c.labourOperations().size(); i++) {
            LabourOperation op = c.labourOperations().get(i);
            require(op.code(), "labourOperations[" + i + "].code", problems);
            if (op.hours() == null || op.hours().signum() <= 0) {
                problems.add(new FieldProblem("labourOperations[" + i + "].hours", "must be more than 0"));
            }
        }
        for (int i = 0; i < c.parts().size(); i++) {
            ClaimedPart part = c.parts().get(i);
            require(part.partNumber(), "parts[" + i + "].partNumber", problems);
            if (part.quantity() == null || part.quantity().signum() <= 0) {
                problems.add(new FieldProblem("parts[" + i + "].quantity", "must be more than 0"));
            }
            if (part.unitPrice() == null || part.unitPrice().amount() == null || part.unitPrice().isNegative()) {
                problems.add(new FieldProblem("parts[" + i + "].unitPrice", "is required"));
            }
        }
        if (blank(c.causalPartNumber())) {
            problems.add(new FieldProblem("causalPartNumber", "the part that caused the failure is required"));
        } else if (!c.parts().isEmpty() && c.parts().stream().noneMatch(p -> c.causalPartNumber().equals(p.partNumber()))) {
            problems.add(new FieldProblem("causalPartNumber", "must be one of the claimed parts"));
        }
        if (c.roadService() && (c.outsideServiceKm() == null || c.outsideServiceKm() <= 0)) {
            problems.add(new FieldProblem("outsideServiceKm", "road service needs the distance driven"));
        }
        if (!c.roadService() && c.outsideServiceKm() != null && c.outsideServiceKm() > 0) {
            problems.add(new FieldProblem("outsideServiceKm", "only road service may claim outside-service mileage"));
        }
        OutsideServiceOrder order = c.outsideServiceOrder();
        if (order != null) {
            if (!c.roadService()) {
                problems.add(new FieldProblem("outsideServiceOrder", "only road service has an outside-service order"));
            }
            require(order.orderNumber(), "outsideServiceOrder.orderNumber", problems);
            Integer driven = order.drivenKm();
            if (driven == null || driven < 0) {
                problems.add(new FieldProblem("outsideServiceOrder.returnOdometerKm",
                        "the van's odometer on departure and on return are needed, the return reading not below the departure"));
            } else if (c.outsideServiceKm() != null && !driven.equals(c.outsideServiceKm())) {
                problems.add(new FieldProblem("outsideServiceKm", "does not match outside-service order " + order.orderNumber()
                        + ": " + c.outsideServiceKm() + " km claimed, the order records " + driven + " km"));
            }
        }
    }

    private static void eligibilityStart(ClaimContent c, Delivery delivery, LocalDate today, List<FieldProblem> problems) {
        if (!periodsBind(c)) {
            return;
        }
        LocalDate start = delivery != null ? delivery.deliveryDate() : c.warrantyStartDate();
        if (start == null) {
            problems.add(new FieldProblem("warrantyStartDate",
                    "no delivery of this VIN is on record: enter the warranty start date from the service booklet"));
            return;
        }
        if (c.failureDate() != null) {
            if (c.failureDate().isAfter(today)) {
                problems.add(new FieldProblem("failureDate", "lies in the future"));
            } else if (c.failureDate().isBefore(start)) {
                problems.add(new FieldProblem("failureDate", "lies before the warranty start " + start));
            }
        }
    }

    /**
     * The periods the claim falls outside of: the brand's warranty, and the three-guarantees period
     * where it applies. Nothing for goodwill claims and campaign work, which the periods do not bind.
     */
    public static List<Breach> breaches(ClaimContent c, Delivery delivery, WarrantyTerms terms, LocalDate today) {
        List<Breach> breaches = new ArrayList<>();
        LocalDate start = delivery != null ? delivery.deliveryDate() : c.warrantyStartDate();
        if (!periodsBind(c) || start == null) {
            return breaches;
        }
        if (c.failureDate() != null && !c.failureDate().isAfter(today) && !c.failureDate().isBefore(start)) {
            LocalDate end = start.plusYears(terms.years());
            if (!c.failureDate().isBefore(end)) {
                breaches.add(new Breach(WARRANTY_PERIOD, new FieldProblem("failureDate", "outside the warranty period: "
                        + terms.years() + " years from delivery on " + start + " ended on " + end)));
            }
            if (terms.threeGuaranteesYears() > 0) {
                LocalDate threeGuaranteesEnd = start.plusYears(terms.threeGuaranteesYears());
                if (!c.failureDate().isBefore(threeGuaranteesEnd)) {
                    breaches.add(new Breach(THREE_GUARANTEES_PERIOD, new FieldProblem("failureDate",
                            "outside the three-guarantees period (三包): " + terms.threeGuaranteesYears() + " years from delivery on "
                                    + start + " ended on " + threeGuaranteesEnd)));
                }
            }
        }
        if (c.odometerKm() != null) {
            int atDelivery = delivery != null && delivery.odometerKm() != null ? delivery.odometerKm() : 0;
            int driven = c.odometerKm() - atDelivery;
            if (driven > terms.kilometres()) {
                breaches.add(new Breach(WARRANTY_MILEAGE, new FieldProblem("odometerKm", "outside the warranty mileage: " + driven
                        + " km since delivery, the warranty covers " + terms.kilometres() + " km")));
            }
            if (terms.threeGuaranteesKilometres() > 0 && driven > terms.threeGuaranteesKilometres()) {
                breaches.add(new Breach(THREE_GUARANTEES_MILEAGE, new FieldProblem("odometerKm",
                        "outside the three-guarantees mileage (三包): " + driven + " km since delivery, the three guarantees cover "
                                + terms.threeGuaranteesKilometres() + " km")));
            }
        }
        return breaches;
    }

    /** Goodwill is paid outside the periods; a recall or service campaign covers every affected car. */
    private static boolean periodsBind(ClaimContent c) {
        return !c.isGoodwill() && (c.campaignCode() == null || c.campaignCode().isBlank());
    }

    private static void deadline(ClaimContent c, WarrantyTerms terms, LocalDate today, ZoneId zone, List<FieldProblem> problems) {
        if (c.handedOverAt() == null) {
            problems.add(new FieldProblem("handedOverAt", "the handover time is needed: the OEM's deadline runs from it"));
            return;
        }
        LocalDate deadline = c.handedOverAt().atZone(zone).toLocalDate().plusDays(terms.submissionDeadlineDays());
        if (today.isAfter(deadline)) {
            problems.add(new FieldProblem("handedOverAt", "the OEM's submission deadline (" + terms.submissionDeadlineDays()
                    + " days after handover) passed on " + deadline));
        }
    }

    private static void require(String value, String field, List<FieldProblem> problems) {
        if (blank(value)) {
            problems.add(new FieldProblem(field, "is required"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
