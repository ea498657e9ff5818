package dev.forecourt.workshop.technician;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.web.Versioned;
import dev.forecourt.workshop.repairorder.RepairOrderView.StaffView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Technician certificates", description = "Certificates with expiry for the skills only certified technicians work with (持证上岗)")
class CertificateController {

    record RecordCertificate(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 60) String number,
                             @NotNull LocalDate validUntil) {
    }

    record CertificateView(String employeeId, String skill, String name, String number, LocalDate validUntil, boolean valid,
                           boolean certifiedSkill, StaffView recordedBy, Instant recordedAt, Long version) implements Versioned {
    }

    private final Certificates certificates;
    private final java.time.Clock clock;
    private final dev.forecourt.platform.store.ForecourtProperties store;

    CertificateController(Certificates certificates, java.time.Clock clock, dev.forecourt.platform.store.ForecourtProperties store) {
        this.certificates = certificates;
        this.clock = clock;
        this.store = store;
    }

    private CertificateView view(TechnicianCertificate c) {
        return new CertificateView(c.getEmployeeId(), c.getSkill(), c.getName(), c.getNumber(), c.getValidUntil(),
                c.isValidOn(LocalDate.now(clock.withZone(store.timeZone()))), certificates.isCertified(c.getSkill()),
                StaffView.of(c.getRecordedBy()), c.getRecordedAt(), c.getVersion());
    }

    @PutMapping("/api/v1/workshop/technicians/{employeeId}/certificates/{skill}")
    @PreAuthorize("hasAuthority('technicians:certify')")
    @Operation(operationId = "recordTechnicianCertificate", summary = "Record or renew a technician's certificate for a skill "
            + "(name, number, last valid day); 404 for a technician not on the roster")
    CertificateView record(@PathVariable String employeeId, @PathVariable @Pattern(regexp = "[a-zA-Z0-9-]{1,40}") String skill,
                           @Valid @RequestBody RecordCertificate body, Actor actor) {
        return view(certificates.record(employeeId, skill, body.name(), body.number(), body.validUntil(), actor));
    }

    @GetMapping("/api/v1/workshop/technicians/{employeeId}/certificates")
    @PreAuthorize("hasAuthority('workshop:read')")
    @Operation(operationId = "listTechnicianCertificates", summary = "A technician's certificates, whether each is valid today")
    List<CertificateView> list(@PathVariable String employeeId) {
        return certificates.of(employeeId).stream().map(this::view).toList();
    }
}
