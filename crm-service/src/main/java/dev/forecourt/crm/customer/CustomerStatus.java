package dev.forecourt.crm.customer;

import java.util.EnumSet;
import java.util.Set;

import dev.forecourt.platform.domain.Lifecycle;

/** ACTIVE customers visit; DORMANT ones have not been seen for the configured months (沉寂客户) until they come back. */
public enum CustomerStatus implements Lifecycle<CustomerStatus> {
    ACTIVE, DORMANT;

    @Override
    public Set<CustomerStatus> next() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(DORMANT);
            case DORMANT -> EnumSet.of(ACTIVE);
        };
    }
}
