package dev.forecourt.workshop.repairorder;

/**
 * The outside-service order (外出服务令) a warranty job's road service comes from, as it stood when the
 * job quoted it (the van was back): who drove out and the van's odometer out and back. The job's
 * outside-service kilometres are {@code returnOdometerKm - departureOdometerKm}.
 */
public record RoadServiceTrip(String orderNumber, String technicianId, String technicianName, int departureOdometerKm,
                              int returnOdometerKm) {

    public int drivenKm() {
        return returnOdometerKm - departureOdometerKm;
    }
}
