package dev.forecourt.workshop.repairorder;

/**
 * PENDING: not reserved yet (parts-service unreachable); retried automatically. RESERVED: held by
 * parts-service. INSUFFICIENT: parts-service has too little stock (the parts team orders it).
 * REJECTED: parts-service refused the request itself (e.g. an unknown part number): retrying
 * cannot help, the advisor corrects the line.
 */
public enum ReservationStatus {
    PENDING, RESERVED, INSUFFICIENT, REJECTED
}
