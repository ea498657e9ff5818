package dev.forecourt.crm.marketing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;

/**
 * Learns the carmaker's service campaigns and recalls from the workshop: each becomes an invitation list of the affected
 * owners CRM knows, and a vehicle whose campaign work was done is marked done on it.
 */
@Component
class CampaignIntake {

    private static final Logger log = LoggerFactory.getLogger(CampaignIntake.class);

    /** The fields of the workshop's ServiceCampaignPublished this service uses (the shared contract). */
    record ServiceCampaignPublished(String campaignCode, String title, String kind, List<String> affectedVins,
                                    List<String> labourOperations, LocalDate startsOn, LocalDate endsOn, Instant publishedAt) {
    }

    record CampaignCompletedForVehicle(String campaignCode, String vin, String repairOrderId, Instant completedAt) {
    }

    private final MarketingLists lists;
    private final AggregateStore aggregates;

    CampaignIntake(MarketingLists lists, AggregateStore aggregates) {
        this.lists = lists;
        this.aggregates = aggregates;
    }

    @HandlesEvent("forecourt.workshop.service-campaign-published.v1")
    void on(ServiceCampaignPublished published) {
        ListKind kind = "RECALL".equals(published.kind()) ? ListKind.RECALL : ListKind.SERVICE_CAMPAIGN;
        lists.fromCampaign(published.campaignCode(), published.title(), kind, published.affectedVins(), published.labourOperations(),
                published.startsOn(), published.endsOn());
    }

    /** Same subject (the campaign code) as the publication, so it arrives after it. */
    @HandlesEvent("forecourt.workshop.campaign-completed-for-vehicle.v1")
    void on(CampaignCompletedForVehicle completed) {
        String id = MarketingLists.idOfCampaign(completed.campaignCode());
        MarketingList list = lists.find(id).orElse(null);
        if (list == null || list.getEntries().stream().noneMatch(e -> completed.vin().equals(e.vin()))) {
            log.info("Campaign {} done for {}: not on an invitation list (an owner CRM does not know)", completed.campaignCode(), completed.vin());
            return;
        }
        aggregates.change(MarketingList.class, id, ExpectedVersion.ANY,
                l -> l.completedForVehicle(completed.vin(), completed.repairOrderId(),
                        completed.completedAt() != null ? completed.completedAt() : lists.now()));
    }
}
