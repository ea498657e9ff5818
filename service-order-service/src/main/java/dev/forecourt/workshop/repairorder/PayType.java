package dev.forecourt.workshop.repairorder;

/** Who pays for a job. */
public enum PayType {
    CUSTOMER, WARRANTY, INTERNAL, INSURANCE
}
