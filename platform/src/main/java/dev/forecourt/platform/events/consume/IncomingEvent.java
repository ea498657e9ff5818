package dev.forecourt.platform.events.consume;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import dev.forecourt.platform.events.CloudEventHeaders;

/**
 * A CloudEvent read from Kafka in binary mode: the attributes from the {@code ce_*} headers, the
 * JSON data as bytes.
 */
public record IncomingEvent(String id, String type, String source, String subject, String storeId,
                            Instant time, String topic, byte[] data) {

    static IncomingEvent from(ConsumerRecord<String, byte[]> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        String specVersion = header(record, CloudEventHeaders.SPEC_VERSION);
        if (id == null || type == null || !"1.0".equals(specVersion)) {
            throw new MalformedEventException("Not a CloudEvents 1.0 record (ce_id, ce_type, ce_specversion) at "
                    + record.topic() + "-" + record.partition() + "@" + record.offset());
        }
        String time = header(record, CloudEventHeaders.TIME);
        Instant at;
        try {
            at = time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time);
        } catch (RuntimeException e) {
            throw new MalformedEventException("Unreadable ce_time '" + time + "' on event " + id);
        }
        return new IncomingEvent(id, type, header(record, CloudEventHeaders.SOURCE), header(record, CloudEventHeaders.SUBJECT),
                header(record, CloudEventHeaders.STORE_ID), at, record.topic(), record.value() == null ? new byte[0] : record.value());
    }

    public String dataAsString() {
        return new String(data, StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
