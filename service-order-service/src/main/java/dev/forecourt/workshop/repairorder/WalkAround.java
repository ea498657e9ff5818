package dev.forecourt.workshop.repairorder;

/** The walk-around check done with the customer at reception (环车检查). */
public record WalkAround(String exterior, String interior, String valuables) {
}
