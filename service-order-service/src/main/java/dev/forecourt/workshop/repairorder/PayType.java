package dev.forecourt.workshop.repairorder;

/**
 * Who pays for a job. CAMPAIGN is the OEM paying for the work of a recall or service campaign
 * (召回/服务活动): it is claimed like warranty, with the campaign's code.
 */
public enum PayType {
    CUSTOMER, WARRANTY, INTERNAL, INSURANCE, CAMPAIGN;

    /** Whether the OEM pays the job through a warranty claim drafted at handover. */
    public boolean claimedFromOem() {
        return this == WARRANTY || this == CAMPAIGN;
    }
}
