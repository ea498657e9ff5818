package dev.forecourt.workshop.appointment;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.workshop.reception.CustomerInput;
import dev.forecourt.workshop.reception.VehicleInput;
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

    private static ExpectedVersion expected(ExpectedVersion ifMatch) {
        return ifMatch == null ? ExpectedVersion.ANY : ifMatch;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('appointments:write')")
    @Operation(operationId = "bookAppointment", summary = "Book an appointment (409 slot-full when the advisor, the bay or the workshop "
            + "is fully booked; 409 vehicle-already-booked when the car has an appointment in that slot)")
    ResponseEntity<AppointmentView> book(@Valid @RequestBody BookAppointment body) {
        Appointment booked = appointments.book(body.customer().toCustomer(), body.vehicle().toVehicle(),
                new Actor(body.advisorId(), null, body.advisorName(), "service-advisor"), body.slotStart(), body.bayId(), body.request());
        return ResponseEntity.created(URI.create("/api/v1/appointments/" + booked.getId())).body(AppointmentView.of(booked));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('appointments:read')")
    @Operation(operationId = "listAppointments", summary = "Appointments by day and advisor, in slot order")
    Page<AppointmentView> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                               @RequestParam(required = false) String advisorId, @Valid @ParameterObject Paging paging) {
        return appointments.page(date, advisorId, paging).map(AppointmentView::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('appointments:read')")
    @Operation(operationId = "getAppointment", summary = "One appointment (ETag = version)")
    AppointmentView get(@PathVariable String id) {
        return AppointmentView.of(appointments.get(id));
    }

    @PostMapping("/{id}/confirm")
    @PreAuthorize("hasAuthority('appointments:write')")
    @Operation(operationId = "confirmAppointment", summary = "Confirm a requested appointment")
    AppointmentView confirm(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return AppointmentView.of(appointments.confirm(id, expected(ifMatch)));
    }

    @PostMapping("/{id}/no-show")
    @PreAuthorize("hasAuthority('appointments:write')")
    @Operation(operationId = "recordNoShow", summary = "Record that the customer did not come (once the slot has begun)")
    AppointmentView noShow(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return AppointmentView.of(appointments.noShow(id, expected(ifMatch)));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAuthority('appointments:write')")
    @Operation(operationId = "cancelAppointment", summary = "Cancel; the slot's capacity is freed")
    AppointmentView cancel(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return AppointmentView.of(appointments.cancel(id, expected(ifMatch)));
    }
}
