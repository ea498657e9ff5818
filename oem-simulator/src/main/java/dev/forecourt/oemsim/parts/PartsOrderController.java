package dev.forecourt.oemsim.parts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.oemsim.SimulatorProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The simulated OEM parts centre's ordering API, as parts-service's port calls it:
 * {@code POST /oem/v1/parts-orders} with {@code X-Api-Key}, {@code Idempotency-Key: <order number>}
 * and {@code {dealerCode, orderNumber, lines[{lineNo, partNumber, quantity}]}}; the answer is
 * {@code {oemOrderId, lines[{lineNo, confirmedQuantity, backOrderedQuantity, expectedArrival}]}}
 * (201 the first time, 200 with the same answer for the same order number).
 */
@RestController
@Validated
class PartsOrderController {

    record Line(@NotNull @Positive Integer lineNo, @NotBlank @Size(max = 40) String partNumber,
                @NotNull @Positive @Max(100_000) Integer quantity) {
    }

    record Order(@NotBlank @Size(max = 40) String dealerCode, @NotBlank @Size(max = 40) String orderNumber,
                 @NotEmpty @Size(max = 200) List<@Valid @NotNull Line> lines) {
    }

    private final PartsCentre centre;
    private final byte[] apiKey;

    PartsOrderController(PartsCentre centre, SimulatorProperties properties) {
        this.centre = centre;
        this.apiKey = properties.apiKey().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/oem/v1/parts-orders")
    ResponseEntity<?> place(@RequestHeader(name = "X-Api-Key", required = false) String key,
                            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                            @Valid @RequestBody Order order) {
        if (!authorised(key)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid API key"));
        }
        if (idempotencyKey == null || !idempotencyKey.equals(order.orderNumber())) {
            return ResponseEntity.badRequest().body(Map.of("error", "Idempotency-Key must be the order number"));
        }
        if (order.lines().stream().map(Line::lineNo).distinct().count() != order.lines().size()) {
            return ResponseEntity.badRequest().body(Map.of("error", "line numbers must be unique"));
        }
        PartsCentre.Placed placed = centre.place(order.dealerCode(), order.orderNumber(),
                order.lines().stream().map(l -> new PartsCentre.OrderLine(l.lineNo(), l.partNumber(), l.quantity())).toList());
        return ResponseEntity.status(placed.isNew() ? HttpStatus.CREATED : HttpStatus.OK).body(placed.order().confirmation());
    }

    /** For a person trying the flow: an order with its shipments (delivery notes and dates). */
    @GetMapping("/oem/v1/parts-orders/{oemOrderId}")
    ResponseEntity<?> order(@RequestHeader(name = "X-Api-Key", required = false) String key, @PathVariable String oemOrderId) {
        if (!authorised(key)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid API key"));
        }
        PartsCentre.PartsOrder order = centre.byOemOrderId(oemOrderId);
        return order == null ? ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no parts order " + oemOrderId))
                : ResponseEntity.ok(order);
    }

    @GetMapping("/oem/v1/parts-orders")
    ResponseEntity<?> orders(@RequestHeader(name = "X-Api-Key", required = false) String key) {
        if (!authorised(key)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid API key"));
        }
        Collection<PartsCentre.PartsOrder> all = centre.all();
        return ResponseEntity.ok(all);
    }

    private boolean authorised(String key) {
        return key != null && MessageDigest.isEqual(apiKey, key.getBytes(StandardCharsets.UTF_8));
    }
}
