package dev.forecourt.workshop.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * The port to the OEM's campaign bulletins: every recall and service campaign the OEM announced to
 * its dealers, with the affected VINs and labour operations.
 */
public interface OemCampaignFeed {

    /** One bulletin as the OEM announces it ({@code kind} RECALL or SERVICE_CAMPAIGN). */
    record Bulletin(String campaignCode, String title, String kind, List<String> affectedVins, List<String> labourOperations,
                    LocalDate startsOn, LocalDate endsOn) {
    }

    /** @throws OemUnavailable when the OEM cannot be reached or answers nonsense */
    List<Bulletin> bulletins();

    class OemUnavailable extends RuntimeException {
        public OemUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
