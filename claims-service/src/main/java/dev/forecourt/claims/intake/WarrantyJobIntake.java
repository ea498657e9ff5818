package dev.forecourt.claims.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.forecourt.claims.claim.ClaimContent;
import dev.forecourt.claims.claim.ClaimService;
import dev.forecourt.claims.claim.ClaimType;
import dev.forecourt.claims.claim.ClaimedPart;
import dev.forecourt.claims.claim.LabourOperation;
import dev.forecourt.claims.claim.OutsideServiceOrder;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.money.Money;
import tools.jackson.databind.JsonNode;

/** Every warranty job the workshop completes becomes a draft claim for the warranty administrator. */
@Component
public class WarrantyJobIntake {

    /** Who drafted claims that came from the workshop, in histories and events. */
    static final Actor DRAFTED_BY = Actor.system("workshop");

    private final ClaimService claims;

    public WarrantyJobIntake(ClaimService claims) {
        this.claims = claims;
    }

    /**
     * The workshop's event data (emitted at handover, one per WARRANTY job).
     *
     * @param campaignCode     the recall or service campaign the job belongs to; optional (not every workshop version sends it)
     * @param roadServiceOrder the road-service order behind {@code outsideServiceKm}; null without road service (and from
     *                         workshop versions that do not send it)
     */
    public record WarrantyJobCompleted(String repairOrderId, String orderNumber, String jobId, String vin, String brand,
                                       String model, Integer odometerKm, LocalDate failureDate, Instant handedOverAt,
                                       String complaint, String cause, String correction, List<Labour> labourOperations,
                                       List<Part> parts, String causalPartNumber, Boolean roadService, Integer outsideServiceKm,
                                       String campaignCode, RoadServiceOrder roadServiceOrder) {

        /** The van's trip: its odometer when it left and when it came back. */
        public record RoadServiceOrder(String orderNumber, String technicianId, String technicianName, Integer departureOdometerKm,
                                       Integer returnOdometerKm) {

            OutsideServiceOrder toOutsideServiceOrder() {
                return new OutsideServiceOrder(orderNumber, technicianId, technicianName, departureOdometerKm, returnOdometerKm);
            }
        }

        public record Labour(String code, String description, BigDecimal hours) {
        }

        /** @param unitPrice {@code {amount, currency}} as the workshop documents it; a bare number is read as CNY */
        public record Part(String partNumber, String description, BigDecimal quantity, JsonNode unitPrice) {

            Money price() {
                if (unitPrice == null || unitPrice.isNull() || unitPrice.isMissingNode()) {
                    return null;
                }
                if (unitPrice.isNumber()) {
                    return new Money(unitPrice.decimalValue(), Money.CNY);
                }
                JsonNode amount = unitPrice.get("amount");
                JsonNode currency = unitPrice.get("currency");
                return amount == null || !amount.isNumber() ? null
                        : new Money(amount.decimalValue(), currency == null || currency.isNull() ? Money.CNY : currency.asString());
            }
        }
    }

    @HandlesEvent("forecourt.workshop.warranty-job-completed.v1")
    public void on(WarrantyJobCompleted job) {
        ClaimContent content = new ClaimContent(job.vin(), job.brand(), job.model(), job.repairOrderId(), job.orderNumber(),
                job.odometerKm(), job.failureDate(), job.handedOverAt(), null, job.complaint(), job.cause(), job.correction(),
                job.labourOperations() == null ? List.of()
                        : job.labourOperations().stream().map(l -> new LabourOperation(l.code(), l.description(), l.hours())).toList(),
                job.parts() == null ? List.of()
                        : job.parts().stream().map(p -> new ClaimedPart(p.partNumber(), p.description(), p.quantity(), p.price())).toList(),
                job.causalPartNumber(), Boolean.TRUE.equals(job.roadService()), job.outsideServiceKm(), ClaimType.WARRANTY,
                job.campaignCode() == null || job.campaignCode().isBlank() ? null : job.campaignCode(),
                job.roadServiceOrder() == null ? null : job.roadServiceOrder().toOutsideServiceOrder());
        claims.draftFromWarrantyJob(job.repairOrderId(), job.jobId(), content, DRAFTED_BY);
    }
}
