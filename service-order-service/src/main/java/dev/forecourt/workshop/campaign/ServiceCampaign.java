package dev.forecourt.workshop.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.events.outbox.OutboxAggregate;
import dev.forecourt.platform.vin.Vin;
import dev.forecourt.workshop.repairorder.CampaignFlag;

/**
 * A recall or service campaign of the OEM (召回/服务活动) as the workshop works it: the affected VINs,
 * the labour operations of the campaign work, the days it is open, and the VINs it was done for
 * (one campaign job handed over per VIN). Its id is the OEM's campaign code.
 */
@Document("service_campaigns")
public class ServiceCampaign extends OutboxAggregate {

    /** Where the workshop got the campaign from. */
    public enum Source { OEM, IMPORT }

    /** The campaign was done for a VIN: the campaign job of that repair order was handed over. */
    public record Completion(String vin, String repairOrderId, Instant completedAt) {
    }

    @Id
    private String campaignCode;
    private String title;
    private CampaignKind kind;
    @Indexed
    private List<String> affectedVins = new ArrayList<>();
    private List<String> labourOperations = new ArrayList<>();
    private LocalDate startsOn;
    private LocalDate endsOn;
    private Source source;
    private Actor publishedBy;
    private Instant publishedAt;
    @Indexed
    private List<String> completedVins = new ArrayList<>();
    private List<Completion> completions = new ArrayList<>();

    ServiceCampaign() {
    }

    /** Publishes a campaign to the workshop: from now on an affected car is flagged at the appointment and at reception. */
    public static ServiceCampaign publish(String campaignCode, String title, CampaignKind kind, List<String> affectedVins,
                                          List<String> labourOperations, LocalDate startsOn, LocalDate endsOn, Source source,
                                          Actor by, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(campaignCode)) problems.add(new FieldProblem("campaignCode", "must not be blank"));
        if (blank(title)) problems.add(new FieldProblem("title", "must not be blank"));
        if (kind == null) problems.add(new FieldProblem("kind", "RECALL or SERVICE_CAMPAIGN"));
        if (affectedVins == null || affectedVins.isEmpty()) problems.add(new FieldProblem("affectedVins", "at least one VIN"));
        if (labourOperations == null || labourOperations.isEmpty() || labourOperations.stream().anyMatch(ServiceCampaign::blank)) {
            problems.add(new FieldProblem("labourOperations", "at least one labour operation code, none blank"));
        }
        if (startsOn == null) problems.add(new FieldProblem("startsOn", "required"));
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            problems.add(new FieldProblem("endsOn", "must not be before startsOn"));
        }
        if (affectedVins != null) {
            for (int i = 0; i < affectedVins.size(); i++) {
                if (!Vin.isValid(affectedVins.get(i))) {
                    problems.add(new FieldProblem("affectedVins[" + i + "]", "not a valid VIN: " + affectedVins.get(i)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidValue("The campaign is incomplete", problems.toArray(FieldProblem[]::new));
        }
        ServiceCampaign c = new ServiceCampaign();
        c.campaignCode = campaignCode.strip();
        c.title = title.strip();
        c.kind = kind;
        c.affectedVins = List.copyOf(new LinkedHashSet<>(affectedVins));
        c.labourOperations = List.copyOf(new LinkedHashSet<>(labourOperations));
        c.startsOn = startsOn;
        c.endsOn = endsOn;
        c.source = source;
        c.publishedBy = by;
        c.publishedAt = now;
        c.raise(new ServiceCampaignPublished(c.campaignCode, c.title, kind, c.affectedVins, c.labourOperations, startsOn, endsOn, now));
        return c;
    }

    /** Whether the campaign may be worked on that day. */
    public boolean isOpenOn(LocalDate day) {
        return !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
    }

    public boolean affects(String vin) {
        return affectedVins.contains(vin);
    }

    public boolean isDoneFor(String vin) {
        return completedVins.contains(vin);
    }

    /** Whether the labour operation is one the campaign's work is done with. */
    public boolean hasOperation(String code) {
        return labourOperations.contains(code);
    }

    /**
     * The campaign job of a repair order was handed over: the campaign is done for the VIN. A
     * redelivered handover, or a second campaign job for a VIN already done, changes nothing.
     *
     * @return whether it was new
     */
    public boolean completeFor(String vin, String repairOrderId, Instant at) {
        if (!affects(vin) || isDoneFor(vin)) {
            return false;
        }
        completedVins.add(vin);
        completions.add(new Completion(vin, repairOrderId, at));
        raise(new CampaignCompletedForVehicle(campaignCode, vin, repairOrderId, at));
        return true;
    }

    /** How the appointment and the repair order show the campaign to the advisor. */
    public CampaignFlag flag() {
        return new CampaignFlag(campaignCode, title, kind.name(), labourOperations);
    }

    /** The affected VINs the campaign has not been done for yet, in the OEM's order. */
    public List<String> outstandingVins() {
        return affectedVins.stream().filter(v -> !completedVins.contains(v)).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getCampaignCode() { return campaignCode; }
    public String getTitle() { return title; }
    public CampaignKind getKind() { return kind; }
    public List<String> getAffectedVins() { return List.copyOf(affectedVins); }
    public List<String> getLabourOperations() { return List.copyOf(labourOperations); }
    public LocalDate getStartsOn() { return startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public Source getSource() { return source; }
    public Actor getPublishedBy() { return publishedBy; }
    public Instant getPublishedAt() { return publishedAt; }
    public List<Completion> getCompletions() { return List.copyOf(completions); }

    @EventType("forecourt.workshop.service-campaign-published.v1")
    public record ServiceCampaignPublished(String campaignCode, String title, CampaignKind kind, List<String> affectedVins,
                                           List<String> labourOperations, LocalDate startsOn, LocalDate endsOn,
                                           Instant publishedAt) implements DomainEvent {
        @Override public String aggregateId() { return campaignCode; }
    }

    @EventType("forecourt.workshop.campaign-completed-for-vehicle.v1")
    public record CampaignCompletedForVehicle(String campaignCode, String vin, String repairOrderId,
                                              Instant completedAt) implements DomainEvent {
        @Override public String aggregateId() { return campaignCode; }
    }
}
