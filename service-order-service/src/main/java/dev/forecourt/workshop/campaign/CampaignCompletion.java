package dev.forecourt.workshop.campaign;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.outbox.ExpectedVersion;

/**
 * A campaign job handed over completes the campaign for the car: the workshop reads its own
 * warranty-job-completed event (published with the handover, so a crash between the two cannot
 * lose the completion) and records it on the campaign. Idempotent: a redelivery changes nothing.
 */
@Component
class CampaignCompletion {

    private static final Logger log = LoggerFactory.getLogger(CampaignCompletion.class);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CampaignJobHandedOver(String repairOrderId, String vin, String campaignCode, Instant handedOverAt) {
    }

    private final ServiceCampaigns campaigns;

    CampaignCompletion(ServiceCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @HandlesEvent("forecourt.workshop.warranty-job-completed.v1")
    void on(CampaignJobHandedOver job) {
        if (job.campaignCode() == null || job.campaignCode().isBlank()) {
            return;
        }
        if (campaigns.find(job.campaignCode()).isEmpty()) {
            log.warn("Repair order {} did campaign {} that the workshop does not know", job.repairOrderId(), job.campaignCode());
            return;
        }
        campaigns.change(job.campaignCode(), ExpectedVersion.ANY, c -> c.completeFor(job.vin(), job.repairOrderId(), job.handedOverAt()));
    }
}
