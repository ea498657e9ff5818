package dev.forecourt.parts.waiting;

import java.util.Comparator;
import java.util.List;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.parts.catalogue.Catalogue;
import dev.forecourt.parts.purchasing.PurchaseOrder;
import dev.forecourt.parts.purchasing.PurchaseOrders;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@Tag(name = "Waiting lines", description = "Repair-order parts lines waiting for goods, and the purchase orders expected to bring them")
class WaitingLineController {

    private static final Comparator<WaitingLineView> SERVING = Comparator.comparing(
            v -> new WaitingLine(v.reservationId(), v.repairOrderId(), v.orderNumber(), v.lineId(), v.partNumber(), v.quantity(),
                    v.promisedAt(), v.addedAt()), WaitingLinePolicy.SERVING_ORDER);

    private final WaitingLines waitingLines;
    private final Catalogue catalogue;
    private final PurchaseOrders purchaseOrders;

    WaitingLineController(WaitingLines waitingLines, Catalogue catalogue, PurchaseOrders purchaseOrders) {
        this.waitingLines = waitingLines;
        this.catalogue = catalogue;
        this.purchaseOrders = purchaseOrders;
    }

    @GetMapping("/api/v1/parts-reports/waiting-lines")
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "Repair-order parts lines that could not be reserved, in serving order, with the purchase order and date that cover each",
            operationId = "reportWaitingLines")
    Page<WaitingLineView> report(@Valid @ParameterObject Paging paging) {
        return Page.of(views(waitingLines.covers(null)), paging);
    }

    @GetMapping("/api/v1/parts/{partNumber}/waiting-lines")
    @PreAuthorize("hasAuthority('parts:read')")
    @Operation(summary = "The waiting repair-order lines of one part, in serving order", operationId = "listWaitingLinesOfPart")
    List<WaitingLineView> ofPart(@PathVariable String partNumber) {
        catalogue.require(partNumber);
        return views(waitingLines.covers(List.of(partNumber)));
    }

    @GetMapping("/api/v1/purchase-orders/{reference}/waiting-lines")
    @PreAuthorize("hasAuthority('purchase-orders:read')")
    @Operation(summary = "The waiting repair-order lines this purchase order covers", operationId = "listWaitingLinesOfPurchaseOrder")
    List<WaitingLineView> ofPurchaseOrder(@PathVariable String reference) {
        PurchaseOrder order = purchaseOrders.require(reference);
        return views(waitingLines.covers(order.getLines().stream().map(l -> l.partNumber()).distinct().toList())).stream()
                .filter(v -> order.getOrderNumber().equals(v.purchaseOrderNumber())).toList();
    }

    private static List<WaitingLineView> views(List<WaitingLinePolicy.Cover> covers) {
        return covers.stream().map(WaitingLineView::of).sorted(SERVING).toList();
    }
}
