package dev.forecourt.crm.report;

import java.time.Instant;
import java.time.LocalDate;

/** The monthly pack as the API shows it. */
public record MonthlyPackView(String month, LocalDate dueOn, boolean issued, Instant issuedAt, CsiReport csi,
                              ComplaintRateReport complaintRate, ComplaintResolutionReport complaintResolution,
                              ChurnReport churn) {

    static MonthlyPackView of(MonthlyPack pack) {
        return new MonthlyPackView(pack.month(), pack.dueOn(), pack.issued(), pack.issuedAt(), pack.csi(), pack.complaintRate(),
                pack.complaintResolution(), pack.churn());
    }
}
