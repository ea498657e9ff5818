package dev.forecourt.parts.countersales;

import io.swagger.v3.oas.annotations.media.Schema;

import java.net.URI;
import java.util.List;

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
import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/counter-sales")
@Tag(name = "Counter sales", description = "Parts sold over the counter (配件销售): priced from the catalogue, paid, issued")
class CounterSaleController {

    @Schema(name = "CounterSaleLineRequest")
    record Line(@NotBlank @Size(max = 20) String partNumber, @NotNull @Positive @Max(10_000) Integer quantity) {
    }

    record OpenRequest(@Pattern(regexp = "cust-[0-9]{5,20}") String customerId, @NotBlank @Size(max = 120) String customerName,
                       @Pattern(regexp = "[0-9]{5,20}") String customerPhone,
                       @NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines) {
    }

    enum PaymentMethod { CASH, CARD, WECHAT_PAY, ALIPAY, BANK_TRANSFER }

    record PaymentRequest(@NotNull PaymentMethod method, @NotNull @Valid Money amount, @Size(max = 64) String reference) {
    }

    record CancelRequest(@NotBlank @Size(max = 200) String reason) {
    }

    private final CounterSelling selling;
    private final CounterSales sales;

    CounterSaleController(CounterSelling selling, CounterSales sales) {
        this.selling = selling;
        this.sales = sales;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('counter-sales:write')")
    @Operation(summary = "Write a counter sale: lines priced from the catalogue, numbered CS<year><6 digits>", operationId = "openCounterSale")
    ResponseEntity<CounterSaleView> open(@Valid @RequestBody OpenRequest request, Actor actor) {
        CounterSale sale = selling.open(request.customerId(), request.customerName(), request.customerPhone(),
                request.lines().stream().map(l -> new CounterSelling.SaleLine(l.partNumber(), l.quantity())).toList(), actor);
        return ResponseEntity.created(URI.create("/api/v1/counter-sales/" + sale.getId())).body(CounterSaleView.of(sale));
    }

    @GetMapping("/{reference}")
    @PreAuthorize("hasAnyAuthority('counter-sales:write', 'parts:read')")
    @Operation(summary = "One counter sale, by id or number", operationId = "getCounterSale")
    CounterSaleView get(@PathVariable String reference) {
        return CounterSaleView.of(sales.require(reference));
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('counter-sales:write', 'parts:read')")
    @Operation(summary = "Counter sales, latest first", operationId = "listCounterSales")
    Page<CounterSaleView> list(@RequestParam(required = false) CounterSaleStatus status, @RequestParam(required = false) String customerId,
                               @Valid @ParameterObject Paging paging) {
        return sales.list(status, customerId, paging).map(CounterSaleView::of);
    }

    @PostMapping("/{reference}/payments")
    @PreAuthorize("hasAuthority('counter-sales:write')")
    @Operation(summary = "Record a payment (several allowed; more than is due → 422 overpayment)", operationId = "payCounterSale")
    CounterSaleView pay(@PathVariable String reference, @Valid @RequestBody PaymentRequest request,
                        @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        return CounterSaleView.of(selling.pay(reference, request.method().name(), request.amount(), request.reference(), orAny(ifMatch),
                actor));
    }

    @PostMapping("/{reference}/issue")
    @PreAuthorize("hasAuthority('counter-sales:write')")
    @Operation(summary = "Hand the parts of a paid sale over: every line issued against the sale", operationId = "issueCounterSale")
    CounterSaleView issue(@PathVariable String reference, @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch,
                          Actor actor) {
        return CounterSaleView.of(selling.issue(reference, orAny(ifMatch), actor));
    }

    @PostMapping("/{reference}/cancel")
    @PreAuthorize("hasAuthority('counter-sales:write')")
    @Operation(summary = "Cancel an unpaid counter sale", operationId = "cancelCounterSale")
    CounterSaleView cancel(@PathVariable String reference, @Valid @RequestBody CancelRequest request,
                           @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        return CounterSaleView.of(selling.cancel(reference, request.reason(), orAny(ifMatch), actor));
    }

    private static ExpectedVersion orAny(ExpectedVersion ifMatch) {
        return ifMatch == null ? ExpectedVersion.ANY : ifMatch;
    }
}
