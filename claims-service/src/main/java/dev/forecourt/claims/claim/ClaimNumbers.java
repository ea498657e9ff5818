package dev.forecourt.claims.claim;

import java.time.Clock;
import java.time.Year;

import org.springframework.stereotype.Component;

import dev.forecourt.platform.sequences.Sequences;
import dev.forecourt.platform.store.ForecourtProperties;

/**
 * Hands out claim numbers {@code WC-<store>-<year>-<sequence>} from the platform's sequences (one
 * counter per store and year): unique, readable on the phone, and the OEM's idempotency key, so
 * they are never reused.
 */
@Component
public class ClaimNumbers {

    private final Sequences sequences;
    private final ForecourtProperties store;
    private final Clock clock;

    public ClaimNumbers(Sequences sequences, ForecourtProperties store, Clock clock) {
        this.sequences = sequences;
        this.store = store;
        this.clock = clock;
    }

    /** The counter's name in the sequences collection, e.g. {@code WC-store-001-2026}. */
    static String counter(String storeId, int year) {
        return "WC-" + storeId + "-" + year;
    }

    public String next() {
        int year = Year.now(clock.withZone(store.timeZone())).getValue();
        long value = sequences.next(counter(store.storeId(), year));
        return "WC-%s-%d-%06d".formatted(store.storeId(), year, value);
    }
}
