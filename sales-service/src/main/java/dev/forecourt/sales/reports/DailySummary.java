package dev.forecourt.sales.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The evening review (进店、成交、战败): one line per consultant and the store's totals. */
public record DailySummary(LocalDate date, ZoneId timeZone, List<ConsultantLine> consultants, Totals totals) {

    /** {@code repeatVisits}: prospects who came back to the showroom; {@code showroomTraffic} = walk-ins + repeat visits. */
    public record ConsultantLine(String consultantId, String consultantName, int walkIns, int newLeads, int testDrives,
                                 int won, int lost, List<LostLead> lostLeads, int ordersConfirmed, int deliveries,
                                 int repeatVisits, int showroomTraffic) {
    }

    public record LostLead(String leadId, String customerName, String model, String reason, String reasonCode) {
    }

    public record Totals(int walkIns, int newLeads, int testDrives, int won, int lost, int ordersConfirmed, int deliveries,
                         int repeatVisits, int showroomTraffic) {
    }
}
