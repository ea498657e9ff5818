package dev.forecourt.workshop.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The completion report of one campaign: how many affected cars were done, which (with the repair
 * order) and which are still outstanding (the customers CRM invites).
 *
 * @param completionRate completed / affected, 4 decimals (0.2500 = 25 %)
 */
public record CampaignCompletionReport(String campaignCode, String title, CampaignKind kind, LocalDate startsOn, LocalDate endsOn,
                                       boolean openToday, int affectedVehicles, int completedVehicles, int outstandingVehicles,
                                       BigDecimal completionRate, List<ServiceCampaign.Completion> completions,
                                       List<String> outstandingVins) {

    public static CampaignCompletionReport of(ServiceCampaign c, LocalDate today) {
        int affected = c.getAffectedVins().size();
        int completed = c.getCompletions().size();
        List<String> outstanding = c.outstandingVins();
        BigDecimal rate = affected == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(completed).divide(BigDecimal.valueOf(affected), 4, RoundingMode.HALF_UP);
        return new CampaignCompletionReport(c.getCampaignCode(), c.getTitle(), c.getKind(), c.getStartsOn(), c.getEndsOn(),
                c.isOpenOn(today), affected, completed, outstanding.size(), rate, c.getCompletions(), outstanding);
    }
}
