package dev.forecourt.oemsim.vehicles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The carmaker's vehicle distribution as the simulator plays it, kept in memory: a dealer's order
 * is allocated at once (a VIN per car, with the guide price and the dealer's invoice price); a
 * call-off (CALL车) is dispatched at once, a monthly order on the first day of its month; each car
 * arrives {@value #TRANSIT_DAYS} days after dispatch. An order number is allocated once: the same
 * number again answers the first allocation. Supply plans (N+1/N+2 forecasts, next month's colours)
 * are kept per dealer and month, the last one received winning.
 */
@Component
public class VehicleAllocations {

    static final int TRANSIT_DAYS = 3;
    static final ZoneId FACTORY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final BigDecimal INVOICE_SHARE = new BigDecimal("0.92");
    private static final BigDecimal UNKNOWN_MODEL_PRICE = new BigDecimal("150000.00");
    /** Guide prices of the simulated carmaker's range; a model it does not know is priced at 150,000. */
    private static final Map<String, BigDecimal> GUIDE_PRICES = Map.of(
            "lavida", new BigDecimal("118900.00"),
            "sagitar", new BigDecimal("139900.00"),
            "passat", new BigDecimal("209900.00"),
            "tiguan l", new BigDecimal("219800.00"),
            "id.4 crozz", new BigDecimal("199900.00"));
    private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    private static final List<String> DOCUMENTS = List.of("certificate of conformity", "owner's manual", "warranty booklet");

    public record Money(BigDecimal amount, String currency) {
    }

    public record Line(int lineNo, String model, String trim, String colour, int quantity) {
    }

    public record Allocation(int lineNo, String vin, String model, String trim, String colour, Money listPrice, Money invoicePrice) {
    }

    public record Allocated(String oemOrderId, String dealerCode, String orderNumber, String kind, YearMonth month,
                            List<Allocation> allocations, Instant allocatedAt) {
    }

    public record Dispatch(String vin, Instant dispatchedAt, LocalDate expectedArrival, String transportNote, int keys,
                           List<String> documents) {
    }

    public record Dispatches(String oemOrderId, List<Dispatch> dispatches) {
    }

    public record PlanLine(String model, String trim, String colour, int quantity) {
    }

    public record PlanReceipt(String reference, String dealerCode, YearMonth month, List<PlanLine> forecast, List<PlanLine> colours,
                              Instant receivedAt) {
    }

    public record Placed(Allocated allocated, boolean isNew) {
    }

    private final Map<String, Allocated> byOrderNumber = new LinkedHashMap<>();
    private final Map<String, Allocated> byOemOrderId = new LinkedHashMap<>();
    private final Map<String, PlanReceipt> plans = new LinkedHashMap<>();
    private final Set<String> vins = new HashSet<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    @Autowired
    public VehicleAllocations(Clock clock) {
        this.clock = clock;
    }

    /** Allocates every car ordered; the same dealer and order number again answers the first allocation. */
    public synchronized Placed place(String dealerCode, String orderNumber, String kind, YearMonth month, List<Line> lines) {
        String key = dealerCode + "/" + orderNumber;
        Allocated earlier = byOrderNumber.get(key);
        if (earlier != null) {
            return new Placed(earlier, false);
        }
        List<Allocation> allocations = new ArrayList<>();
        for (Line line : lines) {
            BigDecimal guide = GUIDE_PRICES.getOrDefault(line.model().trim().toLowerCase(Locale.ROOT), UNKNOWN_MODEL_PRICE);
            Money listPrice = new Money(guide, "CNY");
            Money invoicePrice = new Money(guide.multiply(INVOICE_SHARE).setScale(2, RoundingMode.HALF_UP), "CNY");
            for (int i = 0; i < line.quantity(); i++) {
                allocations.add(new Allocation(line.lineNo(), newVin(), line.model(), line.trim(), line.colour(), listPrice, invoicePrice));
            }
        }
        Allocated allocated = new Allocated("SVW-VO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT), dealerCode,
                orderNumber, kind, month, List.copyOf(allocations), clock.instant());
        byOrderNumber.put(key, allocated);
        byOemOrderId.put(allocated.oemOrderId(), allocated);
        return new Placed(allocated, true);
    }

    /** The cars of an order dispatched by now; null when the OEM does not know the order. */
    public synchronized Dispatches dispatches(String oemOrderId) {
        Allocated allocated = byOemOrderId.get(oemOrderId);
        if (allocated == null) {
            return null;
        }
        Instant dispatchedAt = dispatchTime(allocated);
        if (dispatchedAt.isAfter(clock.instant())) {
            return new Dispatches(oemOrderId, List.of());
        }
        LocalDate arrival = LocalDate.ofInstant(dispatchedAt, FACTORY_ZONE).plusDays(TRANSIT_DAYS);
        List<Dispatch> dispatched = allocated.allocations().stream()
                .map(a -> new Dispatch(a.vin(), dispatchedAt, arrival, "truck " + a.vin().substring(11), 2, DOCUMENTS))
                .toList();
        return new Dispatches(oemOrderId, dispatched);
    }

    /** A call-off leaves at once; a monthly order on the first day of its month (at once if that has begun). */
    static Instant dispatchTime(Allocated allocated) {
        if (!"MONTHLY".equals(allocated.kind()) || allocated.month() == null) {
            return allocated.allocatedAt();
        }
        Instant monthStarts = allocated.month().atDay(1).atStartOfDay(FACTORY_ZONE).toInstant();
        return monthStarts.isAfter(allocated.allocatedAt()) ? monthStarts : allocated.allocatedAt();
    }

    public synchronized PlanReceipt receivePlan(String dealerCode, YearMonth month, List<PlanLine> forecast, List<PlanLine> colours) {
        PlanReceipt receipt = new PlanReceipt("SVW-PL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT), dealerCode,
                month, forecast == null ? List.of() : List.copyOf(forecast), colours == null ? List.of() : List.copyOf(colours),
                clock.instant());
        plans.put(dealerCode + "/" + month, receipt);
        return receipt;
    }

    public synchronized PlanReceipt plan(String dealerCode, YearMonth month) {
        return plans.get(dealerCode + "/" + month);
    }

    /** A fresh VIN of the simulated plant ({@code LSV}, model year T = 2026) with a valid check digit. */
    private String newVin() {
        while (true) {
            StringBuilder vin = new StringBuilder("LSVAB4BM0T");
            vin.append(VIN_CHARS.charAt(random.nextInt(VIN_CHARS.length() - 10)));
            for (int i = 0; i < 6; i++) {
                vin.append((char) ('0' + random.nextInt(10)));
            }
            vin.setCharAt(8, checkDigit(vin));
            String value = vin.toString();
            if (vins.add(value)) {
                return value;
            }
        }
    }

    /** ISO 3779 / North American check digit (position 9). */
    static char checkDigit(CharSequence vin) {
        int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += transliterate(vin.charAt(i)) * weights[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 'X' : (char) ('0' + remainder);
    }

    private static int transliterate(char c) {
        if (Character.isDigit(c)) {
            return c - '0';
        }
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> throw new IllegalArgumentException("not a VIN character: " + c);
        };
    }
}
