package dev.forecourt.crm.message;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/**
 * PENDING until the provider took it (SENT) or the attempts ran out (FAILED); CANCELLED when no
 * longer wanted (an appointment cancelled); SUPPRESSED when the customer has not consented to messages.
 */
public enum MessageStatus implements Lifecycle<MessageStatus> {
    PENDING, SENT, FAILED, CANCELLED, SUPPRESSED;

    @Override
    public Set<MessageStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(SENT, FAILED, CANCELLED, SUPPRESSED);
            case SENT, FAILED, CANCELLED, SUPPRESSED -> EnumSet.noneOf(MessageStatus.class);
        };
    }
}
