package dev.forecourt.workshop.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.money.Money;
import dev.forecourt.workshop.repairorder.PayType;
import dev.forecourt.workshop.repairorder.PaymentMethod;
import dev.forecourt.workshop.repairorder.RepairOrderView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/repair-orders/{id}")
@Tag(name = "Billing", description = "The repair order's bill split by payer with VAT, payments at the cashier, charges and discounts")
class BillController {

    record RecordPayment(@NotNull PaymentMethod method, @NotNull @Valid Money amount) {
    }

    record AddCharge(@NotBlank @Size(max = 200) String description, @NotNull @Valid Money amount, PayType payer) {
    }

    private final Cashier cashier;

    BillController(Cashier cashier) {
        this.cashier = cashier;
    }

    private static ExpectedVersion expected(ExpectedVersion ifMatch) {
        return ifMatch == null ? ExpectedVersion.ANY : ifMatch;
    }

    @GetMapping("/bill")
    @PreAuthorize("hasAnyAuthority('repair-orders:read', 'bills:write')")
    @Operation(operationId = "getBill", summary = "The order's bill (结算单): lines, shares by payer with VAT, payments, outstanding "
            + "(404 before the quality check passed)")
    BillView bill(@PathVariable String id) {
        return BillView.of(cashier.billed(id));
    }

    @PostMapping("/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('bills:write')")
    @Operation(operationId = "recordPayment", summary = "Record a payment of the customer's share (several allowed; 422 "
            + "payment-exceeds-outstanding beyond what is due; 409 before the bill is issued)")
    BillView recordPayment(@PathVariable String id, @Valid @RequestBody RecordPayment body, Actor actor,
                           @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return BillView.of(cashier.recordPayment(id, body.method(), body.amount(), actor, expected(ifMatch)));
    }

    @PostMapping("/charges")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('repair-orders:update')")
    @Operation(operationId = "addCharge", summary = "Add a charge beside labour and parts (sublet, disposal …) for a payer (CUSTOMER by default)")
    RepairOrderView addCharge(@PathVariable String id, @Valid @RequestBody AddCharge body, Actor actor,
                              @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return RepairOrderView.of(cashier.addCharge(id, body.description(), body.amount(),
                body.payer() == null ? PayType.CUSTOMER : body.payer(), false, actor, expected(ifMatch)));
    }

    @PostMapping("/discounts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('repair-orders:approve-discount')")
    @Operation(operationId = "grantDiscount", summary = "Grant an approved discount to a payer (CUSTOMER by default; 422 "
            + "discount-too-large beyond that payer's charges)")
    RepairOrderView grantDiscount(@PathVariable String id, @Valid @RequestBody AddCharge body, Actor actor,
                                  @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch) {
        return RepairOrderView.of(cashier.addCharge(id, body.description(), body.amount(),
                body.payer() == null ? PayType.CUSTOMER : body.payer(), true, actor, expected(ifMatch)));
    }
}
