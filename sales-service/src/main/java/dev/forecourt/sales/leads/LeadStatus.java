package dev.forecourt.sales.leads;

/**
 * The sales funnel, in order. A lead moves forward only (a consultant may skip a stage, e.g. no
 * test drive), and ends WON or LOST (战败).
 */
public enum LeadStatus {
    NEW, CONTACTED, TEST_DRIVEN, QUOTED, NEGOTIATING, WON, LOST;

    public boolean isOpen() {
        return this != WON && this != LOST;
    }

    /** A funnel stage a consultant can move an open lead to (closing has its own steps with their own data). */
    public boolean isStage() {
        return isOpen() && this != NEW;
    }

    public boolean isBefore(LeadStatus other) {
        return ordinal() < other.ordinal();
    }
}
