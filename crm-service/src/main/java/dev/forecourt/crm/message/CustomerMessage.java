package dev.forecourt.crm.message;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * A text message to a customer and its delivery status. It waits until {@code notBefore} (the end
 * of quiet hours, or the day a reminder is due), is handed to the SMS provider, and is retried a
 * few times when the provider does not take it. Its id is derived from its cause, so a cause
 * delivered twice texts the customer once.
 */
@Document("customer_messages")
public class CustomerMessage extends OutboxAggregate {

    @Id
    private String id;
    private String storeId;
    private MessageKind kind;
    private MessageStatus status;
    private String customerId;
    private String customerPhone;
    private String text;
    /** What the message is about: a repair order, an appointment, a callback. */
    private String cause;
    private Instant notBefore;
    private int attempts;
    private Instant lastAttemptAt;
    private String providerMessageId;
    private Instant sentAt;
    private String failure;
    private Instant createdAt;

    /** A message to send once {@code notBefore} has come; without consent it is recorded SUPPRESSED and never sent. */
    public static CustomerMessage queue(String id, String storeId, MessageKind kind, String customerId, String customerPhone,
                                        String text, String cause, boolean consent, Instant notBefore, Instant at) {
        CustomerMessage message = new CustomerMessage();
        message.id = id;
        message.storeId = storeId;
        message.kind = kind;
        message.customerId = customerId;
        message.customerPhone = customerPhone;
        message.text = text;
        message.cause = cause;
        message.notBefore = notBefore;
        message.createdAt = at;
        message.status = consent ? MessageStatus.PENDING : MessageStatus.SUPPRESSED;
        if (!consent) {
            message.failure = "the customer has not consented to messages";
        }
        return message;
    }

    /** True when it may be handed to the provider now. */
    public boolean isDue(Instant now, java.time.Duration retryAfter) {
        return status == MessageStatus.PENDING && !notBefore.isAfter(now)
                && (lastAttemptAt == null || !lastAttemptAt.plus(retryAfter).isAfter(now));
    }

    /** Claims the message for an attempt (written before the provider is called, so two senders cannot both send it). */
    public void attempt(Instant at) {
        Lifecycle.requireTransition(status, MessageStatus.SENT, "Cannot send a message that is " + status);
        attempts++;
        lastAttemptAt = at;
    }

    /** Waits again, e.g. a retry that fell into quiet hours. */
    public void waitUntil(Instant until) {
        if (status == MessageStatus.PENDING) {
            notBefore = until;
        }
    }

    public void sent(String providerId, Instant at) {
        status = Lifecycle.requireTransition(status, MessageStatus.SENT);
        providerMessageId = providerId;
        sentAt = at;
        failure = null;
        raise(new CustomerMessageSent(id, customerId, customerPhone, kind, cause, attempts, providerId, at));
    }

    /** The provider did not take it: tried again later, or FAILED after the last attempt or a permanent refusal. */
    public void notTaken(String why, boolean permanent, int maxAttempts, Instant at) {
        failure = why;
        if (permanent || attempts >= maxAttempts) {
            status = Lifecycle.requireTransition(status, MessageStatus.FAILED);
            raise(new CustomerMessageFailed(id, customerId, customerPhone, kind, cause, attempts, why, at));
        }
    }

    /** No longer wanted (the appointment was cancelled, the reminder replaced); a sent message stays sent. */
    public void cancel(String why) {
        if (status == MessageStatus.PENDING) {
            status = Lifecycle.requireTransition(status, MessageStatus.CANCELLED);
            failure = why;
        }
    }

    /** The customer withdrew consent before it went out. */
    public void suppress() {
        if (status == MessageStatus.PENDING) {
            status = Lifecycle.requireTransition(status, MessageStatus.SUPPRESSED);
            failure = "the customer has not consented to messages";
        }
    }

    public String getId() { return id; }
    public String getStoreId() { return storeId; }
    public MessageKind getKind() { return kind; }
    public MessageStatus getStatus() { return status; }
    public String getCustomerId() { return customerId; }
    public String getCustomerPhone() { return customerPhone; }
    public String getText() { return text; }
    public String getCause() { return cause; }
    public Instant getNotBefore() { return notBefore; }
    public int getAttempts() { return attempts; }
    public Instant getLastAttemptAt() { return lastAttemptAt; }
    public String getProviderMessageId() { return providerMessageId; }
    public Instant getSentAt() { return sentAt; }
    public String getFailure() { return failure; }
    public Instant getCreatedAt() { return createdAt; }
}
