package dev.forecourt.oemsim.parts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The OEM parts centre as the simulator plays it, in memory. The rule is deterministic:
 * <ul>
 * <li>the centre holds {@code oem-simulator.parts.stock.<partNumber>} pieces of a part (else
 * {@code default-stock}, 10); every order takes what it confirms out of that stock;</li>
 * <li>a line is confirmed up to what the centre still holds; the rest is back-ordered;</li>
 * <li>pieces in stock ship at once and arrive {@code shipping-days} (2) after the order; back-ordered
 * pieces arrive {@code back-order-days} (10) after it. A line's {@code expectedArrival} is the
 * arrival of its first shipment (the confirmed pieces, or the back order when nothing was in stock);
 * the order's shipments (each with its delivery note number and date) are listed on the order;</li>
 * <li>an order number is taken once: the same number again answers the first confirmation.</li>
 * </ul>
 */
@Component
@EnableConfigurationProperties(PartsCentreProperties.class)
public class PartsCentre {

    static final ZoneId CENTRE_ZONE = ZoneId.of("Asia/Shanghai");

    public record OrderLine(int lineNo, String partNumber, int quantity) {
    }

    public record ConfirmedLine(int lineNo, int confirmedQuantity, int backOrderedQuantity, LocalDate expectedArrival) {
    }

    /** The answer the dealer's ordering port reads. */
    public record Confirmation(String oemOrderId, List<ConfirmedLine> lines) {
    }

    /** Goods leaving the centre for the dealer, with the delivery note the storekeeper receives them under. */
    public record Shipment(String deliveryNote, int lineNo, String partNumber, int quantity, boolean backOrder, LocalDate shipsOn,
                           LocalDate expectedArrival) {
    }

    public record PartsOrder(String oemOrderId, String dealerCode, String orderNumber, List<OrderLine> lines, Confirmation confirmation,
                             List<Shipment> shipments, Instant receivedAt) {
    }

    public record Placed(PartsOrder order, boolean isNew) {
    }

    private final PartsCentreProperties properties;
    private final Clock clock;
    private final Map<String, PartsOrder> byOrderNumber = new LinkedHashMap<>();
    private final Map<String, Integer> taken = new HashMap<>();

    PartsCentre(PartsCentreProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public synchronized Placed place(String dealerCode, String orderNumber, List<OrderLine> lines) {
        PartsOrder earlier = byOrderNumber.get(orderNumber);
        if (earlier != null) {
            return new Placed(earlier, false);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CENTRE_ZONE);
        LocalDate inStockArrival = today.plusDays(properties.shippingDays());
        LocalDate backOrderArrival = today.plusDays(properties.backOrderDays());
        String oemOrderId = "PC%08d".formatted(byOrderNumber.size() + 1);
        List<ConfirmedLine> confirmed = new ArrayList<>();
        List<Shipment> shipments = new ArrayList<>();
        for (OrderLine line : lines) {
            int inStock = stockOf(line.partNumber());
            int ships = Math.min(line.quantity(), inStock);
            int backOrdered = line.quantity() - ships;
            taken.merge(line.partNumber(), ships, Integer::sum);
            confirmed.add(new ConfirmedLine(line.lineNo(), ships, backOrdered, ships > 0 ? inStockArrival : backOrderArrival));
            if (ships > 0) {
                shipments.add(new Shipment(oemOrderId + "-" + line.lineNo() + "A", line.lineNo(), line.partNumber(), ships, false, today,
                        inStockArrival));
            }
            if (backOrdered > 0) {
                shipments.add(new Shipment(oemOrderId + "-" + line.lineNo() + "B", line.lineNo(), line.partNumber(), backOrdered, true,
                        backOrderArrival.minusDays(properties.shippingDays()), backOrderArrival));
            }
        }
        PartsOrder order = new PartsOrder(oemOrderId, dealerCode, orderNumber, List.copyOf(lines), new Confirmation(oemOrderId,
                List.copyOf(confirmed)), List.copyOf(shipments), now);
        byOrderNumber.put(orderNumber, order);
        return new Placed(order, true);
    }

    /** What the centre still holds of a part. */
    public synchronized int stockOf(String partNumber) {
        return Math.max(0, properties.stock().getOrDefault(partNumber, properties.defaultStock()) - taken.getOrDefault(partNumber, 0));
    }

    public synchronized PartsOrder byOemOrderId(String oemOrderId) {
        return byOrderNumber.values().stream().filter(o -> o.oemOrderId().equals(oemOrderId)).findFirst().orElse(null);
    }

    public synchronized Collection<PartsOrder> all() {
        return List.copyOf(byOrderNumber.values());
    }
}
