package dev.forecourt.crm.message;

import java.time.Instant;

import dev.forecourt.platform.web.Versioned;

/** A text to a customer with its delivery status. */
public record CustomerMessageView(String id, MessageKind kind, MessageStatus status, String customerId, String customerPhone,
                                  String text, String cause, Instant notBefore, int attempts, Instant lastAttemptAt,
                                  String providerMessageId, Instant sentAt, String failure, Instant createdAt, Long version)
        implements Versioned {

    static CustomerMessageView of(CustomerMessage m) {
        return new CustomerMessageView(m.getId(), m.getKind(), m.getStatus(), m.getCustomerId(), m.getCustomerPhone(), m.getText(),
                m.getCause(), m.getNotBefore(), m.getAttempts(), m.getLastAttemptAt(), m.getProviderMessageId(), m.getSentAt(),
                m.getFailure(), m.getCreatedAt(), m.getVersion());
    }
}
