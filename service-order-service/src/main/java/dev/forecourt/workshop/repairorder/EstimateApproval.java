package dev.forecourt.workshop.repairorder;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.money.Money;

/** The customer's consent to a set of jobs and parts, with how it was given (signature, phone call). */
public record EstimateApproval(List<String> jobIds, List<String> partsLineIds, Money total, String approvedVia,
                               Actor recordedBy, Instant approvedAt) {
}
