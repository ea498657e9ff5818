package dev.forecourt.workshop.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.forecourt.platform.web.Versioned;
import dev.forecourt.workshop.repairorder.RepairOrderView.StaffView;
import io.swagger.v3.oas.annotations.media.Schema;

/** A service campaign as the API shows it (answered with {@code ETag: "<version>"}). */
public record CampaignView(String campaignCode, String title, CampaignKind kind, List<String> affectedVins,
                           List<String> labourOperations, LocalDate startsOn,
                           @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) LocalDate endsOn,
                           ServiceCampaign.Source source, StaffView publishedBy, Instant publishedAt, int completedVehicles,
                           Long version) implements Versioned {

    public static CampaignView of(ServiceCampaign c) {
        return new CampaignView(c.getCampaignCode(), c.getTitle(), c.getKind(), c.getAffectedVins(), c.getLabourOperations(),
                c.getStartsOn(), c.getEndsOn(), c.getSource(), StaffView.of(c.getPublishedBy()), c.getPublishedAt(),
                c.getCompletions().size(), c.getVersion());
    }
}
