package dev.forecourt.workshop.campaign;

/** A recall (召回, a safety defect the law makes the OEM fix) or a service campaign (服务活动, a quality fix). */
public enum CampaignKind {
    RECALL, SERVICE_CAMPAIGN
}
