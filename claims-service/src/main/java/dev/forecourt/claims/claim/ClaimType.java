package dev.forecourt.claims.claim;

/**
 * What the OEM is asked to pay under: the warranty (包修, within the warranty and the three-guarantees
 * period), or goodwill (善意索赔: outside them, paid at the OEM's discretion), which the service
 * director approves before it goes to the OEM.
 */
public enum ClaimType {
    WARRANTY,
    GOODWILL
}
