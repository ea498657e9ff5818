package dev.forecourt.claims.claim;

/**
 * The road-service order (外出服务, its 服务令号) behind a claim's outside-service mileage: the van's
 * odometer when it left and when it came back. When given, the claimed outside-service kilometres must
 * be exactly the distance it records.
 *
 * @param orderNumber the road-service order number
 * @param technician  who drove out
 */
public record OutsideServiceOrder(String orderNumber, String technician, Integer departureOdometerKm, Integer returnOdometerKm) {

    /** The distance the order records, or null when a reading is missing. */
    public Integer drivenKm() {
        return departureOdometerKm == null || returnOdometerKm == null ? null : returnOdometerKm - departureOdometerKm;
    }
}
