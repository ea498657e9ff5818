package dev.forecourt.claims.claim;

/**
 * The road-service order (外出服务, its 服务令号) behind a claim's outside-service mileage: the van's
 * odometer when it left and when it came back. When given, the claimed outside-service kilometres must
 * be exactly the distance it records. A claim drafted from the workshop's warranty job carries the
 * workshop's order, which a correction of the claim cannot replace.
 *
 * @param orderNumber  the road-service order number
 * @param technicianId who drove out, as the workshop knows them (null when typed in by hand without it)
 * @param technician   who drove out, by name
 */
public record OutsideServiceOrder(String orderNumber, String technicianId, String technician, Integer departureOdometerKm,
                                  Integer returnOdometerKm) {

    /** An order typed in by hand, naming the technician only. */
    public OutsideServiceOrder(String orderNumber, String technician, Integer departureOdometerKm, Integer returnOdometerKm) {
        this(orderNumber, null, technician, departureOdometerKm, returnOdometerKm);
    }

    /** The distance the order records, or null when a reading is missing. */
    public Integer drivenKm() {
        return departureOdometerKm == null || returnOdometerKm == null ? null : returnOdometerKm - departureOdometerKm;
    }

    /** The same trip: the same order number and odometer readings (who drove is not compared). */
    public boolean sameTripAs(OutsideServiceOrder other) {
        return other != null && java.util.Objects.equals(orderNumber, other.orderNumber)
                && java.util.Objects.equals(departureOdometerKm, other.departureOdometerKm)
                && java.util.Objects.equals(returnOdometerKm, other.returnOdometerKm);
    }
}
