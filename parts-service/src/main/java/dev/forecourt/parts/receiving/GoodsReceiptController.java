package dev.forecourt.parts.receiving;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.parts.stock.Actor;
import dev.forecourt.parts.web.PageOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/v1/goods-receipts")
@Tag(name = "Receiving", description = "Deliveries counted and inspected")
@Validated
class GoodsReceiptController {

    private final Receiving receiving;

    GoodsReceiptController(Receiving receiving) {
        this.receiving = receiving;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('parts:receive')")
    @Operation(summary = "Record a delivery; accepted goods raise stock at once")
    ResponseEntity<GoodsReceipt> receive(@Valid @RequestBody ReceiptRequest request) {
        GoodsReceipt receipt = receiving.receive(request, Actor.current());
        return ResponseEntity.created(URI.create("/api/v1/goods-receipts/" + receipt.id())).body(receipt);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('parts:read')")
    GoodsReceipt get(@PathVariable String id) {
        return receiving.get(id);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('parts:read')")
    PageOf<GoodsReceipt> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return receiving.list(page, size);
    }
}
