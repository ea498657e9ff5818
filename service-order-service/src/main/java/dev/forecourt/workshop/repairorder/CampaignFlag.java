package dev.forecourt.workshop.repairorder;

import java.util.List;

/**
 * An open recall or service campaign (召回/服务活动) the car is in and has not been done for yet,
 * as the appointment and the repair order show it to the advisor.
 *
 * @param kind RECALL or SERVICE_CAMPAIGN
 * @param labourOperations the labour operation codes the campaign's work is done with
 */
public record CampaignFlag(String campaignCode, String title, String kind, List<String> labourOperations) {
}
