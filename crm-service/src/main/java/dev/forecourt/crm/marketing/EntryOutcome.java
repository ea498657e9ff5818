package dev.forecourt.crm.marketing;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/**
 * Where an invitation stands. Customer service records INVITED (told, no answer yet), ACCEPTED, DECLINED or NOT_REACHED;
 * a customer may change their mind (declined, then accepted). DONE: the vehicle came in and the campaign work was done
 * (learned from the workshop), whatever the call's outcome was.
 */
public enum EntryOutcome implements Lifecycle<EntryOutcome> {
    PENDING, INVITED, ACCEPTED, DECLINED, NOT_REACHED, DONE;

    @Override
    public Set<EntryOutcome> next() {
        return switch (this) {
            case PENDING, INVITED, NOT_REACHED -> EnumSet.of(INVITED, ACCEPTED, DECLINED, NOT_REACHED, DONE);
            case ACCEPTED -> EnumSet.of(DECLINED, DONE);
            case DECLINED -> EnumSet.of(ACCEPTED, DONE);
            case DONE -> EnumSet.noneOf(EntryOutcome.class);
        };
    }

    /** The outcomes customer service records by hand (DONE comes from the workshop). */
    public boolean recordedByCall() {
        return this == INVITED || this == ACCEPTED || this == DECLINED || this == NOT_REACHED;
    }
}
