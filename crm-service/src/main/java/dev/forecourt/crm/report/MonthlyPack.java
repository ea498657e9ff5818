package dev.forecourt.crm.report;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The customer-service monthly pack (CSI, complaint rate, complaint resolution, churn), due on the 3rd of the following month. On that day a job
 * freezes it ({@code issued}); before that it is computed live.
 */
@Document("monthly_packs")
public record MonthlyPack(@Id String month, LocalDate dueOn, boolean issued, Instant issuedAt, CsiReport csi,
                          ComplaintRateReport complaintRate, ComplaintResolutionReport complaintResolution,
                          ChurnReport churn) {
}
