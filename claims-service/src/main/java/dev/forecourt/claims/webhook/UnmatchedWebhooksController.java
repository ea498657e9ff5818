package dev.forecourt.claims.webhook;

import java.time.Instant;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.claims.webhook.InboxEntry.InboxState;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The webhooks the administrator has to look at: about unknown claims, unreadable, or failed. */
@RestController
@Tag(name = "OEM webhooks")
public class UnmatchedWebhooksController {

    private final OemWebhookInbox inbox;

    public UnmatchedWebhooksController(OemWebhookInbox inbox) {
        this.inbox = inbox;
    }

    /** A stored webhook as the administrator sees it, with the raw body as signed. */
    public record InboxEntryView(String id, Instant receivedAt, long webhookTimestamp, String body, InboxState state,
                                 String claimNumber, String outcome, int attempts, Instant processedAt) {
        static InboxEntryView of(InboxEntry e) {
            return new InboxEntryView(e.id(), e.receivedAt(), e.webhookTimestamp(), e.body(), e.state(), e.claimNumber(), e.outcome(),
                    e.attempts(), e.processedAt());
        }
    }

    @GetMapping("/api/v1/warranty-claims/unmatched-webhooks")
    @PreAuthorize("hasAuthority('claims:read')")
    @Operation(summary = "OEM webhooks that matched no claim (or could not be read or applied), newest first",
            operationId = "listUnmatchedOemWebhooks")
    public Page<InboxEntryView> unmatched(@Valid @ParameterObject Paging paging) {
        return inbox.needingAttention(paging).map(InboxEntryView::of);
    }
}
