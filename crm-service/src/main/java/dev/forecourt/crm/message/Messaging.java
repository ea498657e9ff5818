package dev.forecourt.crm.message;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import dev.forecourt.crm.customer.Customer;
import dev.forecourt.crm.customer.Customers;
import dev.forecourt.platform.errors.VersionConflict;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.store.ForecourtProperties;

/**
 * Texts customers through the SMS provider: with their consent only, never in quiet hours (a message
 * then waits for their end), and keeping each message's delivery status. A message due now is sent
 * at once; waiting and retried ones by a job every {@code dispatch-interval}.
 */
@Service
public class Messaging {

    private static final Logger log = LoggerFactory.getLogger(Messaging.class);

    private final CustomerMessages messages;
    private final Customers customers;
    private final AggregateStore aggregates;
    private final SmsGateway sms;
    private final MessageProperties properties;
    private final ForecourtProperties store;
    private final QuietHours quietHours;
    private final Clock clock;

    Messaging(CustomerMessages messages, Customers customers, AggregateStore aggregates, SmsGateway sms,
              MessageProperties properties, ForecourtProperties store, Clock clock) {
        this.messages = messages;
        this.customers = customers;
        this.aggregates = aggregates;
        this.sms = sms;
        this.properties = properties;
        this.store = store;
        this.quietHours = QuietHours.parse(properties.quietHours(), store.timeZone());
        this.clock = clock;
    }

    /** Who gets the message: the phone and name the cause carried. */
    public record Recipient(String phone, String name, String source) {
    }

    /**
     * Queues a message (once per id) and sends it when it is due now.
     *
     * @param notBefore the earliest time it may go out (null: now); quiet hours push it further
     * @param at        when the cause happened, as this service sees it (normally now)
     */
    public CustomerMessage queue(String id, MessageKind kind, Recipient to, String text, String cause, Instant notBefore, Instant at) {
        Optional<CustomerMessage> existing = Optional.ofNullable(findOrNull(id));
        if (existing.isPresent()) {
            return existing.get();
        }
        Customer customer = customers.apply(to.phone(), to.name(), to.source(), c -> false);
        Instant earliest = quietHours.nextAllowed(notBefore == null || notBefore.isBefore(at) ? at : notBefore);
        CustomerMessage message = CustomerMessage.queue(id, store.storeId(), kind, customer.getId(), customer.getPhone(), text, cause,
                customer.isMessageConsent(), earliest, at);
        try {
            message = aggregates.insert(message);
        } catch (DuplicateKeyException queuedConcurrently) {
            return messages.require(id);
        }
        if (message.isDue(clock.instant(), properties.retryAfter())) {
            return send(message);
        }
        return message;
    }

    /** The day-before and invitation time: {@code sendAt} (10:00) of that day in the store's zone. */
    public Instant onDay(LocalDate day) {
        return day.atTime(properties.sendAt()).atZone(store.timeZone()).toInstant();
    }

    public void cancel(String id, String why) {
        if (findOrNull(id) != null) {
            aggregates.change(CustomerMessage.class, id, ExpectedVersion.ANY, m -> m.cancel(why));
        }
    }

    @Scheduled(fixedDelayString = "${forecourt.crm.messages.dispatch-interval:30s}", initialDelayString = "${forecourt.crm.messages.dispatch-interval:30s}")
    public int dispatchDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (CustomerMessage message : messages.waiting(now)) {
            if (message.isDue(now, properties.retryAfter()) && send(message).getStatus() == MessageStatus.SENT) {
                sent++;
            }
        }
        return sent;
    }

    private CustomerMessage send(CustomerMessage message) {
        Instant now = clock.instant();
        if (quietHours.contains(now)) {
            return aggregates.change(CustomerMessage.class, message.getId(), ExpectedVersion.ANY, m -> m.waitUntil(quietHours.nextAllowed(now)));
        }
        boolean consent = customers.find(message.getCustomerId()).map(Customer::isMessageConsent).orElse(true);
        if (!consent) {
            return aggregates.change(CustomerMessage.class, message.getId(), ExpectedVersion.ANY, CustomerMessage::suppress);
        }
        CustomerMessage claimed;
        try {
            claimed = aggregates.change(CustomerMessage.class, message.getId(), ExpectedVersion.of(message.getVersion()), m -> m.attempt(now));
        } catch (VersionConflict takenByAnother) {
            return messages.require(message.getId());
        }
        SmsGateway.Result result = sms.send(claimed.getId(), claimed.getCustomerPhone(), claimed.getText());
        Instant after = clock.instant();
        if (!result.accepted()) {
            log.warn("SMS {} to {} not taken (attempt {}): {}", claimed.getId(), claimed.getCustomerId(), claimed.getAttempts(), result.failure());
        }
        return aggregates.change(CustomerMessage.class, claimed.getId(), ExpectedVersion.ANY, m -> {
            if (result.accepted()) {
                m.sent(result.providerMessageId(), after);
            } else {
                m.notTaken(result.failure(), result.permanent(), properties.maxAttempts(), after);
            }
        });
    }

    private CustomerMessage findOrNull(String id) {
        try {
            return messages.require(id);
        } catch (dev.forecourt.platform.errors.NotFound none) {
            return null;
        }
    }
}
