package dev.forecourt.claims.webhook;

import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.claims.webhook.InboxEntry.InboxState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The webhooks the administrator has to look at: about unknown claims, unreadable, or failed. */
@RestController
@Tag(name = "OEM webhooks")
public class UnmatchedWebhooksController {

    private final MongoTemplate mongo;

    public UnmatchedWebhooksController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/v1/warranty-claims/unmatched-webhooks")
    @PreAuthorize("hasAuthority('claims:read')")
    @Operation(summary = "OEM webhooks that matched no claim (or could not be read or applied), newest first")
    public Map<String, Object> unmatched() {
        List<InboxEntry> entries = mongo.find(Query.query(Criteria.where("state")
                        .in(InboxState.UNKNOWN_CLAIM, InboxState.UNREADABLE, InboxState.FAILED))
                .with(Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.asc("_id"))).limit(200), InboxEntry.class);
        return Map.of("items", entries, "total", entries.size());
    }
}
