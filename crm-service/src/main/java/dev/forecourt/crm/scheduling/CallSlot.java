package dev.forecourt.crm.scheduling;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When a call is planned: inside one call window of one day of the store. {@code start} is when
 * the task is due (it appears on the specialist's list), {@code end} is when that window closes.
 *
 * @param window index of the window in the store's configured list (0 = morning by default)
 */
public record CallSlot(Instant start, Instant end, LocalDate day, int window) {
}
