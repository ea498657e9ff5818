package dev.forecourt.workshop.appointment;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.workshop.repairorder.Person;
import dev.forecourt.workshop.web.CustomerInput;
import dev.forecourt.workshop.web.VehicleInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/appointments")
@Tag(name = "Appointments", description = "Service appointments within slot capacity")
class AppointmentController {

    record BookAppointment(@NotNull @Valid CustomerInput customer, @NotNull @Valid VehicleInput vehicle,
                           @NotBlank @Size(max = 64) String advisorId, @NotBlank @Size(max = 100) String advisorName,
                           @NotNull Instant slotStart, @Size(max = 16) String bayId, @Size(max = 1000) String request) {
    }

    private final Appointments appointments;

    AppointmentController(Appointments appointments) {
        this.appointments = appointments;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('appointments:write')")
    @Operation(summary = "Book an appointment (409 slot-full when the advisor, the bay or the workshop is fully booked)")
    ResponseEntity<Appointment> book(@Valid @RequestBody BookAppointment body) {
        Appointment booked = appointments.book(body.customer().toCustomer(), body.vehicle().toVehicle(),
                new Person(body.advisorId(), body.advisorName()), body.slotStart(), body.bayId(), body.request());
        return ResponseEntity.created(URI.create("/api/v1/appointments/" + booked.getId())).body(booked);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('appointments:read')")
    @Operation(summary = "Appointments by day and advisor, in slot order")
    Map<String, Object> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                             @RequestParam(required = false) String advisorId,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        List<Appointment> items = appointments.list(date, advisorId, page, size);
        return Map.of("items", items, "page", page, "size", size, "total", appointments.count(date, advisorId));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('appointments:read')")
    Appointment get(@PathVariable String id) {
        return appointments.get(id);
    }

    @PostMapping("/{id}/confirm")
    @PreAuthorize("hasAuthority('appointments:write')")
    Appointment confirm(@PathVariable String id) {
        return appointments.confirm(id);
    }

    @PostMapping("/{id}/no-show")
    @PreAuthorize("hasAuthority('appointments:write')")
    Appointment noShow(@PathVariable String id) {
        return appointments.noShow(id);
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAuthority('appointments:write')")
    @Operation(summary = "Cancel; the slot's capacity is freed")
    Appointment cancel(@PathVariable String id) {
        return appointments.cancel(id);
    }
}
