package dev.forecourt.workshop.rework;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springdoc.core.annotations.ParameterObject;
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
import dev.forecourt.platform.web.Versioned;
import dev.forecourt.workshop.reception.JobInput;
import dev.forecourt.workshop.reception.PartsLineInput;
import dev.forecourt.workshop.repairorder.Customer;
import dev.forecourt.workshop.repairorder.RepairOrder;
import dev.forecourt.workshop.repairorder.RepairOrderView;
import dev.forecourt.workshop.repairorder.RepairOrderView.StaffView;
import dev.forecourt.workshop.repairorder.Vehicle;
import dev.forecourt.workshop.repairorder.WalkAround;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/rework-requests")
@Tag(name = "Rework requests", description = "Customers who said on the callback that the repair did not hold (返修), for the service manager")
class ReworkRequestController {

    record ReworkRequestView(String id, String repairOrderId, String orderNumber, Vehicle vehicle, Customer customer,
                             String callbackId, String notes, Instant requestedAt, ReworkRequestStatus status,
                             String reworkOrderId, String reworkOrderNumber, String closeReason, StaffView resolvedBy,
                             Instant resolvedAt, Long version) implements Versioned {
        static ReworkRequestView of(ReworkRequest r) {
            return new ReworkRequestView(r.getId(), r.getRepairOrderId(), r.getOrderNumber(), r.getVehicle(), r.getCustomer(),
                    r.getCallbackId(), r.getNotes(), r.getRequestedAt(), r.getStatus(), r.getReworkOrderId(),
                    r.getReworkOrderNumber(), r.getCloseReason(), StaffView.of(r.getResolvedBy()), r.getResolvedAt(), r.getVersion());
        }
    }

    record WalkAroundInput(@NotBlank @Size(max = 1000) String exterior, @NotBlank @Size(max = 1000) String interior,
                           @NotBlank @Size(max = 1000) String valuables) {
    }

    record OpenReworkOrder(@NotNull @Min(0) @Max(2_000_000) Integer odometerInKm, @Size(max = 2000) String complaint,
                           @NotNull @Valid WalkAroundInput walkAround, @NotNull Instant promisedAt,
                           @Size(max = 50) List<@Valid JobInput> jobs, @Size(max = 100) List<@Valid PartsLineInput> partsLines) {
    }

    record Close(@NotBlank @Size(max = 500) String reason) {
    }

    private final ReworkRequests requests;

    ReworkRequestController(ReworkRequests requests) {
        this.requests = requests;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('rework-requests:read')")
    @Operation(operationId = "listReworkRequests", summary = "Rework requests, newest first, by status")
    Page<ReworkRequestView> list(@RequestParam(required = false) ReworkRequestStatus status, @Valid @ParameterObject Paging paging) {
        return requests.page(status, paging).map(ReworkRequestView::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('rework-requests:read')")
    @Operation(operationId = "getReworkRequest", summary = "One rework request (ETag = version)")
    ReworkRequestView get(@PathVariable String id) {
        return ReworkRequestView.of(requests.get(id));
    }

    @PostMapping("/{id}/rework-order")
    @PreAuthorize("hasAuthority('rework-requests:write')")
    @Operation(operationId = "openReworkOrder", summary = "Open the rework order for the car that came back, linked to the earlier "
            + "order (reworkOf); 409 illegal-state when the request is no longer open")
    ResponseEntity<RepairOrderView> openReworkOrder(@PathVariable String id, @Valid @RequestBody OpenReworkOrder body, Actor actor,
                                                    @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        WalkAroundInput w = body.walkAround();
        RepairOrder opened = requests.openReworkOrder(id, new ReworkRequests.ReworkReception(body.odometerInKm(),
                body.complaint() == null ? null : body.complaint().strip(), new WalkAround(w.exterior(), w.interior(), w.valuables()),
                body.promisedAt(), body.jobs(), body.partsLines()), actor, ifMatch == null ? ExpectedVersion.ANY : ifMatch);
        return ResponseEntity.created(URI.create("/api/v1/repair-orders/" + opened.getId())).body(RepairOrderView.of(opened));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAuthority('rework-requests:write')")
    @Operation(operationId = "closeReworkRequest", summary = "Close the request without a rework order, with the reason")
    ReworkRequestView close(@PathVariable String id, @Valid @RequestBody Close body, Actor actor,
                            @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return ReworkRequestView.of(requests.close(id, body.reason(), actor, ifMatch == null ? ExpectedVersion.ANY : ifMatch));
    }
}
