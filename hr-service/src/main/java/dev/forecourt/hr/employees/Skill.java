package dev.forecourt.hr.employees;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A skill an employee is qualified in, e.g. a technician's {@code engine} or {@code electrical}.
 * The level follows the national vocational qualification grades for motor vehicle repair:
 * 1 初级工 junior, 2 中级工 intermediate, 3 高级工 senior, 4 技师 technician, 5 高级技师 senior technician.
 *
 * @param certificate the certificate proving it, if any (e.g. "汽车维修工 高级 / OEM electrical level 2")
 * @param certifiedOn when it was obtained
 */
public record Skill(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9]*(-[a-z0-9]+)*", message = "must be a skill code like engine or electrical") String skill,
        @NotNull @Min(1) @Max(5) Integer level,
        @Size(max = 200) String certificate,
        LocalDate certifiedOn) {
}
