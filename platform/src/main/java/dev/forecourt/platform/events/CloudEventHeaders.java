package dev.forecourt.platform.events;

/**
 * Header names of the CloudEvents 1.0 Kafka protocol binding in binary mode: attributes travel as
 * {@code ce_*} headers, the JSON data is the record value.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** Extension attribute: the store the event belongs to. */
    public static final String STORE_ID = "ce_storeid";
    /** Extension attribute of the CloudEvents distributed-tracing extension. */
    public static final String TRACEPARENT = "ce_traceparent";
    public static final String CONTENT_TYPE = "content-type";
    /** Plain W3C header, read by Micrometer's Kafka observation to continue the trace. */
    public static final String W3C_TRACEPARENT = "traceparent";

    private CloudEventHeaders() {
    }
}
