package dev.forecourt.oemsim.campaigns;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The recalls and service campaigns (召回/服务活动) the simulated OEM has announced, kept in memory,
 * in the order they were announced. It starts with two demo campaigns whose VINs are cars of the
 * workshop's demo data; more are added with {@code POST /oem/v1/campaigns}. Announcing a code again
 * replaces the bulletin (the OEM widened or corrected it).
 */
@Component
public class CampaignBulletins {

    /** One campaign as the OEM announces it. */
    public record Bulletin(String campaignCode, String title, String kind, List<String> affectedVins,
                           List<String> labourOperations, LocalDate startsOn, LocalDate endsOn) {
    }

    private final Map<String, Bulletin> byCode = new LinkedHashMap<>();

    public CampaignBulletins() {
        this(Clock.systemUTC());
    }

    CampaignBulletins(Clock clock) {
        LocalDate today = LocalDate.now(clock);
        announce(new Bulletin("RC-2026-017", "Front passenger airbag inflator replacement", "RECALL",
                List.of("LSVAB4BM0RN000003", "LSVCD6AZ9RN100001"), List.of("AIRBAG-R01"), today.minusMonths(1), null));
        announce(new Bulletin("SC-2026-042", "Engine control unit software update (cold start)", "SERVICE_CAMPAIGN",
                List.of("LSVCD6AZ0RN100002"), List.of("ECU-SW-42"), today.minusDays(10), today.plusMonths(6)));
    }

    /** @return whether the code was new */
    public synchronized boolean announce(Bulletin bulletin) {
        return byCode.put(bulletin.campaignCode(), bulletin) == null;
    }

    /** Every bulletin, oldest first. */
    public synchronized List<Bulletin> all() {
        return new ArrayList<>(byCode.values());
    }
}
