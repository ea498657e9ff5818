package dev.forecourt.crm.callback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The satisfaction questionnaire of a follow-up call, each item scored 1 (very dissatisfied) to
 * 10 (very satisfied); items that do not apply (paint after an oil change, checkout after a
 * delivery) stay empty. Only {@code overall} is always asked.
 *
 * <p>CSI of one call = the mean of its answered items × 10, i.e. normalised to 0–100. CSI of a
 * group of calls is the mean of the calls' CSI, so every customer weighs the same however many
 * items they answered.
 */
public record Questionnaire(
        @Min(1) @Max(10) Integer receptionSpeed,
        @Min(1) @Max(10) Integer completionSpeed,
        @Min(1) @Max(10) Integer checkoutSpeed,
        @Min(1) @Max(10) Integer partsPrice,
        @Min(1) @Max(10) Integer labourPrice,
        @Min(1) @Max(10) Integer staff,
        Boolean quotedUpFront,
        Boolean explainedWork,
        @Min(1) @Max(10) Integer repairQuality,
        @Min(1) @Max(10) Integer paint,
        @Min(1) @Max(10) Integer cleanliness,
        @NotNull @Min(1) @Max(10) Integer overall) {

    /** The answered items by name, in questionnaire order. */
    public Map<String, Integer> answered() {
        Map<String, Integer> items = new LinkedHashMap<>();
        put(items, "receptionSpeed", receptionSpeed);
        put(items, "completionSpeed", completionSpeed);
        put(items, "checkoutSpeed", checkoutSpeed);
        put(items, "partsPrice", partsPrice);
        put(items, "labourPrice", labourPrice);
        put(items, "staff", staff);
        put(items, "repairQuality", repairQuality);
        put(items, "paint", paint);
        put(items, "cleanliness", cleanliness);
        put(items, "overall", overall);
        return items;
    }

    /** The departments the questionnaire's items are about, in report order. */
    public static final java.util.List<String> DEPARTMENTS = java.util.List.of("reception", "workshop", "parts", "sales");

    /**
     * The department a scored item is about. After a repair: the service advisor's reception (receptionSpeed, staff,
     * checkoutSpeed: the desk that receives the car, explains the work and hands it back with the bill), the workshop's work
     * (completionSpeed, repairQuality, paint, cleanliness, labourPrice), the parts department's price (partsPrice); after a
     * delivery every item, {@code overall} too, is about sales. After a repair {@code overall} is about the visit as a whole
     * and belongs to no department.
     *
     * @return the department, or null for a repair's {@code overall}
     */
    public static String departmentOf(String item, boolean afterDelivery) {
        if (afterDelivery) {
            return "sales";
        }
        if ("overall".equals(item)) {
            return null;
        }
        return switch (item) {
            case "receptionSpeed", "staff", "checkoutSpeed" -> "reception";
            case "completionSpeed", "repairQuality", "paint", "cleanliness", "labourPrice" -> "workshop";
            case "partsPrice" -> "parts";
            default -> null;
        };
    }

    /**
     * This call's CSI per department: the mean of the department's answered items × 10 (one decimal); a department none of
     * whose items was answered is left out.
     */
    public Map<String, BigDecimal> csiByDepartment(boolean afterDelivery) {
        Map<String, int[]> sums = new LinkedHashMap<>();
        answered().forEach((item, score) -> {
            String department = departmentOf(item, afterDelivery);
            if (department != null) {
                int[] sum = sums.computeIfAbsent(department, d -> new int[2]);
                sum[0] += score;
                sum[1]++;
            }
        });
        Map<String, BigDecimal> csi = new LinkedHashMap<>();
        DEPARTMENTS.forEach(d -> {
            int[] sum = sums.get(d);
            if (sum != null) {
                csi.put(d, BigDecimal.valueOf(sum[0] * 10L).divide(BigDecimal.valueOf(sum[1]), 1, RoundingMode.HALF_UP));
            }
        });
        return csi;
    }

    /** This call's CSI, 0–100 with one decimal. */
    public BigDecimal csi() {
        Map<String, Integer> items = answered();
        int sum = items.values().stream().mapToInt(Integer::intValue).sum();
        return BigDecimal.valueOf(sum * 10L).divide(BigDecimal.valueOf(items.size()), 1, RoundingMode.HALF_UP);
    }

    /** The items at or below the threshold: any of them opens a complaint. */
    public Map<String, Integer> lowScores(int threshold) {
        Map<String, Integer> low = new LinkedHashMap<>();
        answered().forEach((item, score) -> {
            if (score <= threshold) {
                low.put(item, score);
            }
        });
        return low;
    }

    private static void put(Map<String, Integer> items, String name, Integer score) {
        if (score != null) {
            items.put(name, score);
        }
    }
}
