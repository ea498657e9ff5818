package dev.forecourt.workshop.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.platform.errors.ProblemException;

/**
 * Publishing the OEM's recalls and service campaigns to the workshop (the service director or
 * manager): imported one by one from the OEM's bulletin, or fetched from the OEM through its port.
 * A campaign code is published once.
 */
@Service
public class CampaignPublishing {

    /** What a fetch from the OEM did. */
    public record Fetched(int bulletins, List<String> published, List<String> alreadyPublished, List<String> refused) {
    }

    private final ServiceCampaigns campaigns;
    private final OemCampaignFeed oem;
    private final Clock clock;

    CampaignPublishing(ServiceCampaigns campaigns, OemCampaignFeed oem, Clock clock) {
        this.campaigns = campaigns;
        this.oem = oem;
        this.clock = clock;
    }

    public ServiceCampaign importCampaign(String campaignCode, String title, CampaignKind kind, List<String> affectedVins,
                                          List<String> labourOperations, LocalDate startsOn, LocalDate endsOn, Actor by) {
        if (campaignCode != null && campaigns.exists(campaignCode.strip())) {
            throw new Conflict("campaign-already-published", "Campaign already published",
                    "Campaign " + campaignCode + " was published before").with("campaignCode", campaignCode);
        }
        return campaigns.insert(ServiceCampaign.publish(campaignCode, title, kind, affectedVins, labourOperations, startsOn, endsOn,
                ServiceCampaign.Source.IMPORT, by, clock.instant()));
    }

    /** Publishes every bulletin of the OEM not published yet; a bulletin the workshop cannot read is named in {@code refused}. */
    public Fetched fetchFromOem(Actor by) {
        List<OemCampaignFeed.Bulletin> bulletins;
        try {
            bulletins = oem.bulletins();
        } catch (OemCampaignFeed.OemUnavailable e) {
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "oem-unavailable", "OEM unavailable", e.getMessage());
        }
        List<String> published = new ArrayList<>();
        List<String> known = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (OemCampaignFeed.Bulletin b : bulletins) {
            if (b.campaignCode() == null || b.campaignCode().isBlank()) {
                refused.add(String.valueOf(b.title()));
                continue;
            }
            if (campaigns.exists(b.campaignCode().strip())) {
                known.add(b.campaignCode());
                continue;
            }
            try {
                campaigns.insert(ServiceCampaign.publish(b.campaignCode(), b.title(), kindOf(b.kind()), b.affectedVins(),
                        b.labourOperations(), b.startsOn(), b.endsOn(), ServiceCampaign.Source.OEM, by, clock.instant()));
                published.add(b.campaignCode());
            } catch (dev.forecourt.platform.errors.InvalidValue unreadable) {
                refused.add(b.campaignCode());
            } catch (org.springframework.dao.DuplicateKeyException concurrent) {
                known.add(b.campaignCode());
            }
        }
        return new Fetched(bulletins.size(), published, known, refused);
    }

    private static CampaignKind kindOf(String kind) {
        try {
            return kind == null ? null : CampaignKind.valueOf(kind);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
