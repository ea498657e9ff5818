package dev.forecourt.workshop.repairorder;

/** An employee as recorded on the order (advisor, technician, inspector). */
public record Person(String employeeId, String name) {
}
