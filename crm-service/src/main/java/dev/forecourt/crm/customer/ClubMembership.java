package dev.forecourt.crm.customer;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Owners' club membership (车主俱乐部). */
public record ClubMembership(@NotBlank @Size(max = 32) String number, @NotBlank @Size(max = 32) String level,
                             @NotNull LocalDate joinedOn) {
}
