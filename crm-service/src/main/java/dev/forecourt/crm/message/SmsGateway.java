package dev.forecourt.crm.message;

/** The port to an SMS provider: hands one text to it. */
public interface SmsGateway {

    /**
     * @param messageId this service's id of the message; the provider treats a repeat as the same message
     * @return whether the provider took it, with its id, or why not
     */
    Result send(String messageId, String phone, String text);

    /**
     * @param accepted  the provider took the message
     * @param permanent a refusal that a retry cannot change (e.g. an invalid number)
     */
    record Result(boolean accepted, String providerMessageId, String failure, boolean permanent) {

        public static Result accepted(String providerMessageId) {
            return new Result(true, providerMessageId, null, false);
        }

        public static Result failed(String why, boolean permanent) {
            return new Result(false, null, why, permanent);
        }
    }
}
