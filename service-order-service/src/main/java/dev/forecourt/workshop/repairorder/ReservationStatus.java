package dev.forecourt.workshop.repairorder;

/**
 * PENDING: not reserved yet (parts-service unreachable); retried automatically. RESERVED: held by
 * parts-service. INSUFFICIENT: parts-service has too little stock (the parts team orders it).
 */
public enum ReservationStatus {
    PENDING, RESERVED, INSUFFICIENT
}
