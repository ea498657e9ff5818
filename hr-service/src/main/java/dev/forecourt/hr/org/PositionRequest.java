package dev.forecourt.hr.org;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A position as HR writes it; {@code code} only when creating, {@code version} only when changing. */
public record PositionRequest(
        @Pattern(regexp = PositionRequest.CODE, message = "must be lower-case kebab-case, e.g. service-advisor") String code,
        @NotBlank @Size(max = 60) String titleZh,
        @NotBlank @Size(max = 120) String titleEn,
        @NotBlank String departmentCode,
        @Pattern(regexp = PositionRequest.CODE, message = "must be a position code") String reportsTo,
        @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 500) String> duties,
        @NotNull @Valid QualificationsRequest qualifications,
        @NotNull @PositiveOrZero @Max(500) Integer headcount,
        @Pattern(regexp = PositionRequest.CODE, message = "must be a role code") String roleCode,
        Long version) {

    /** Lower-case kebab-case, at most 64 characters (a code is a document id and goes into URLs and headers). */
    static final String CODE = "(?=.{1,64}$)[a-z][a-z0-9]*(-[a-z0-9]+)*";

    public record QualificationsRequest(
            @NotBlank @Size(max = 200) String education,
            @NotNull @PositiveOrZero @Max(40) Integer yearsOfExperience,
            @NotEmpty List<@NotBlank String> knowledge,
            @NotEmpty List<@NotBlank String> abilities,
            List<@NotBlank String> certificates) {
    }

    PositionDefinition definition() {
        return new PositionDefinition(titleZh, titleEn, departmentCode, blankToNull(reportsTo), duties,
                new Qualifications(qualifications.education(), qualifications.yearsOfExperience(), qualifications.knowledge(),
                        qualifications.abilities(), qualifications.certificates()),
                headcount, roleCode);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
