package dev.forecourt.claims.webhook;


import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.forecourt.claims.webhook.InboxEntry.InboxState;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;

/** The stored OEM webhooks: keeping a verified one, and the ones the administrator has to look at. */
@Component
public class OemWebhookInbox {

    private final MongoTemplate mongo;

    public OemWebhookInbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return false when a webhook with this id was stored before (a redelivery) */
    public boolean keep(InboxEntry entry) {
        try {
            mongo.insert(entry);
            return true;
        } catch (DuplicateKeyException alreadyReceived) {
            return false;
        }
    }

    /** Webhooks about unknown claims, unreadable, or failed: newest first. */
    public Page<InboxEntry> needingAttention(Paging paging) {
        Query query = Query.query(Criteria.where("state").in(InboxState.UNKNOWN_CLAIM, InboxState.UNREADABLE, InboxState.FAILED));
        return PagedFind.find(mongo, query, Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.asc("_id")), paging, InboxEntry.class);
    }
}
