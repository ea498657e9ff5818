package dev.forecourt.crm.complaint;

import java.time.Instant;

/** One line of a complaint's history: who did what, when. */
public record ComplaintNote(Instant at, String byId, String byName, String action, String note) {
}
