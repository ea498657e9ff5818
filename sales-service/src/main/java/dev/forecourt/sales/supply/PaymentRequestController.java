package dev.forecourt.sales.supply;

import java.net.URI;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import dev.forecourt.sales.supply.SupplyViews.PaymentRequestView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/payment-requests")
@Tag(name = "Payment requests", description = "Requests to finance to remit the OEM's invoice of an allocated vehicle order (汇款申请)")
class PaymentRequestController {

    record RequestPayment(@NotBlank @Size(max = 60) String vehicleOrderId, @Size(max = 500) String note) {
    }

    record RecordRemittance(@NotBlank @Size(max = 60) String bankReference, LocalDate remittedOn, Long version) {
    }

    record RejectPaymentRequest(@NotBlank @Size(max = 500) String reason, Long version) {
    }

    private final PaymentRequests requests;

    PaymentRequestController(PaymentRequests requests) {
        this.requests = requests;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('vehicle-orders:write')")
    @Operation(summary = "Ask finance to remit the invoice of an allocated vehicle order (amount = the allocated cars' invoice prices); "
            + "409 payment-request-exists", operationId = "requestVehicleOrderPayment")
    @ApiResponse(responseCode = "201", description = "Requested",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentRequestView.class)))
    @ApiResponse(responseCode = "404", description = "No such vehicle order; nothing is written",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<PaymentRequestView> request(@Valid @RequestBody RequestPayment r, Actor actor) {
        PaymentRequest request = requests.request(r.vehicleOrderId(), r.note(), actor);
        return ResponseEntity.created(URI.create("/api/v1/payment-requests/" + request.getId())).body(PaymentRequestView.of(request));
    }

    @PostMapping("/{reference}/remittance")
    @PreAuthorize("hasAuthority('payment-requests:write')")
    @Operation(summary = "Finance records the remittance to the OEM with its bank reference", operationId = "recordPaymentRemittance")
    PaymentRequestView remit(@PathVariable String reference, @Valid @RequestBody RecordRemittance r,
                             @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        return PaymentRequestView.of(requests.remit(reference, VehicleOrderController.expected(ifMatch, r.version()), r.bankReference(),
                r.remittedOn(), actor));
    }

    @PostMapping("/{reference}/rejection")
    @PreAuthorize("hasAuthority('payment-requests:write')")
    @Operation(summary = "Finance rejects the request with a reason; a new one may then be raised", operationId = "rejectPaymentRequest")
    PaymentRequestView reject(@PathVariable String reference, @Valid @RequestBody RejectPaymentRequest r,
                              @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        return PaymentRequestView.of(requests.reject(reference, VehicleOrderController.expected(ifMatch, r.version()), r.reason(), actor));
    }

    @GetMapping("/{reference}")
    @PreAuthorize("hasAnyAuthority('vehicle-orders:read', 'payment-requests:write')")
    @Operation(summary = "A payment request (by id or number); ETag is its version", operationId = "getPaymentRequest")
    PaymentRequestView get(@PathVariable String reference) {
        return PaymentRequestView.of(requests.load(reference));
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('vehicle-orders:read', 'payment-requests:write')")
    @Operation(summary = "Payment requests, newest first", operationId = "listPaymentRequests")
    Page<PaymentRequestView> list(@RequestParam(required = false) PaymentRequest.Status status,
                                  @RequestParam(required = false) String vehicleOrderId, @Valid @ParameterObject Paging paging) {
        return requests.list(status, vehicleOrderId, paging).map(PaymentRequestView::of);
    }
}
