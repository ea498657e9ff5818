package dev.forecourt.claims.claim;

import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * Works around a platform gap: the outbox relay leases a document ({@code outboxLease}, 30 s)
 * without changing its version, so a claim loaded during a lease and saved after the relay
 * released it writes the old lease back, and the claim's new events wait until that lease runs
 * out. The platform now recognises its own stale leases (commit 09c6540), not those of another
 * relay instance; claims are saved often (webhooks, resends), so the lease is left out of every
 * full save: at worst an event is sent twice with the same id, which consumers recognise,
 * instead of up to 30 s late.
 */
@Component
class OutboxLeaseGuard implements BeforeSaveCallback<WarrantyClaim> {

    @Override
    public WarrantyClaim onBeforeSave(WarrantyClaim claim, Document document, String collection) {
        document.remove(OutboxAggregate.OUTBOX_LEASE);
        return claim;
    }
}
