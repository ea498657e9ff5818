package dev.forecourt.parts.receiving;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes receipts that a crash left POSTING (some lines on the shelf, others not). A receipt
 * still POSTING a minute after it was received is claimed with a lease (one instance resumes it)
 * and its remaining lines are booked; lines already booked are recognised by their movement id.
 */
@Component
class ReceiptRecovery {

    private static final Logger log = LoggerFactory.getLogger(ReceiptRecovery.class);
    static final Duration GRACE = Duration.ofMinutes(1);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final MongoTemplate mongo;
    private final Receiving receiving;
    private final Clock clock;

    ReceiptRecovery(MongoTemplate mongo, Receiving receiving, Clock clock) {
        this.mongo = mongo;
        this.receiving = receiving;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${forecourt.parts.receipt-recovery-interval:30s}")
    void resumeStranded() {
        Instant now = clock.instant();
        while (true) {
            GoodsReceipt stranded = mongo.findAndModify(
                    query(where("status").is(ReceiptStatus.POSTING).and("receivedAt").lt(Date.from(now.minus(GRACE)))
                            .orOperator(where("recoveryLease").exists(false), where("recoveryLease").lt(Date.from(now)))),
                    new Update().set("recoveryLease", Date.from(now.plus(LEASE))),
                    FindAndModifyOptions.options().returnNew(true), GoodsReceipt.class);
            if (stranded == null) {
                return;
            }
            log.warn("Resuming goods receipt {} left unfinished", stranded.getId());
            receiving.post(stranded, true);
        }
    }

}
