package dev.forecourt.crm.callback;

import java.time.Instant;

/** One call that did not reach the customer. */
public record Attempt(int number, Instant at, String byId, String byName, String note) {
}
