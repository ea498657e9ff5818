package dev.forecourt.parts.receiving;

import java.net.URI;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.security.Staff;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/goods-receipts")
@Tag(name = "Receiving", description = "Deliveries counted and inspected")
class GoodsReceiptController {

    private final Receiving receiving;

    GoodsReceiptController(Receiving receiving) {
        this.receiving = receiving;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('parts:receive')")
    @Operation(summary = "Record a delivery; accepted goods raise stock at once", operationId = "receiveGoods")
    ResponseEntity<ReceiptView> receive(@Valid @RequestBody ReceiptRequest request, Actor actor) {
        if (request.isOverDeliveryApproved() && !Staff.require().may("purchase-orders:approve")) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Over-delivery needs the parts manager",
                    "Only a parts manager (purchase-orders:approve) may accept more than a purchase order has outstanding");
        }
        GoodsReceipt receipt = receiving.receive(request, actor);
        return ResponseEntity.created(URI.create("/api/v1/goods-receipts/" + receipt.getId())).body(ReceiptView.of(receipt));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "One goods receipt", operationId = "getGoodsReceipt")
    ReceiptView get(@PathVariable String id) {
        return ReceiptView.of(receiving.get(id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "Goods receipts, latest first", operationId = "listGoodsReceipts")
    Page<ReceiptView> list(@Valid @ParameterObject Paging paging) {
        return receiving.list(paging).map(ReceiptView::of);
    }
}
