package dev.forecourt.claims.submission;

/** The OEM's answer to a submission: its own reference for the claim (the same again for a repeated key). */
public record OemReceipt(String oemReference, String claimNumber, Integer submission, String status) {
}
