package dev.forecourt.workshop.repairorder;

/**
 * Who brought the car. {@code customerId} is CRM's id when the advisor has it; other services
 * match customers by {@code phone} (digits only).
 */
public record Customer(String customerId, String name, String phone) {
}
