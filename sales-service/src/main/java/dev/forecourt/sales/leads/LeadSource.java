package dev.forecourt.sales.leads;

/** How the prospect came to the store; walk-ins (进店) are counted in the evening review. */
public enum LeadSource {
    WALK_IN, PHONE, WEB, REFERRAL, FLEET
}
