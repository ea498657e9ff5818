package dev.forecourt.crm.marketing;

/** What a marketing list invites to: a store campaign built from criteria, or the carmaker's service campaign or recall. */
public enum ListKind {
    /** A store campaign (activity, club event, seasonal check) for customers chosen by criteria. */
    CAMPAIGN_INVITATION,
    /** The carmaker's service campaign published by the workshop: the affected vehicles' owners are invited. */
    SERVICE_CAMPAIGN,
    /** A safety recall published by the workshop: every affected owner is called, consent to marketing calls or not. */
    RECALL
}
