package dev.forecourt.sales.leads;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/**
 * The sales funnel, in order. A lead moves forward only (a consultant may skip a stage, e.g. no
 * test drive), a new lead is contacted before anything else but may be lost, and a lead ends WON
 * or LOST (战败).
 */
public enum LeadStatus implements Lifecycle<LeadStatus> {
    NEW, CONTACTED, TEST_DRIVEN, QUOTED, NEGOTIATING, WON, LOST;

    @Override
    public Set<LeadStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(CONTACTED, LOST);
            case CONTACTED -> EnumSet.of(TEST_DRIVEN, QUOTED, NEGOTIATING, WON, LOST);
            case TEST_DRIVEN -> EnumSet.of(QUOTED, NEGOTIATING, WON, LOST);
            case QUOTED -> EnumSet.of(NEGOTIATING, WON, LOST);
            case NEGOTIATING -> EnumSet.of(WON, LOST);
            case WON, LOST -> EnumSet.noneOf(LeadStatus.class);
        };
    }

    public boolean isOpen() {
        return !isFinal();
    }

    /** A funnel stage a consultant can move an open lead to (closing has its own steps with their own data). */
    public boolean isStage() {
        return isOpen() && this != NEW;
    }

    public boolean isBefore(LeadStatus other) {
        return ordinal() < other.ordinal();
    }
}
