package dev.forecourt.claims.claim;

import java.time.Instant;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.money.Money;

/**
 * The service director's approval of a goodwill claim, for the amount claimed then.
 *
 * @param amount the claimed amount approved: a correction that changes it voids the approval
 */
public record GoodwillApproval(Actor approvedBy, Instant approvedAt, Money amount, String note) {
}
