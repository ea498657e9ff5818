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
