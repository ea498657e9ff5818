package dev.forecourt.workshop.appointment;

import java.time.Instant;
import java.util.List;

import dev.forecourt.platform.web.Versioned;
import dev.forecourt.workshop.repairorder.CampaignFlag;
import dev.forecourt.workshop.repairorder.Customer;
import dev.forecourt.workshop.repairorder.RepairOrderView.StaffView;
import dev.forecourt.workshop.repairorder.Vehicle;

/**
 * An appointment as the API shows it (answered with {@code ETag: "<version>"}); {@code openCampaigns} are the
 * recalls and service campaigns the car was in when it was booked.
 */
public record AppointmentView(String id, String storeId, Customer customer, Vehicle vehicle, StaffView advisor, Instant slotStart,
                              Instant slotEnd, String bayId, String request, AppointmentStatus status, String repairOrderId,
                              List<CampaignFlag> openCampaigns,
                              Instant bookedAt, Instant changedAt, Long version) implements Versioned {

    public static AppointmentView of(Appointment a) {
        return new AppointmentView(a.getId(), a.getStoreId(), a.getCustomer(), a.getVehicle(), StaffView.of(a.getAdvisor()),
                a.getSlotStart(), a.getSlotEnd(), a.getBayId(), a.getRequest(), a.getStatus(), a.getRepairOrderId(),
                a.getOpenCampaigns(),
                a.getBookedAt(), a.getChangedAt(), a.getVersion());
    }
}
