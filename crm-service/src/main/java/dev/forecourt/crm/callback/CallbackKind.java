package dev.forecourt.crm.callback;

/** Why a customer is called, and which department the answers are about. */
public enum CallbackKind {
    /** Customer service's check after a delivery, within 3 days, 100 % reached; asks the questionnaire. */
    DELIVERY_FOLLOW_UP("sales", true,
            "Thank the customer for the purchase, ask whether the car and the handover met expectations, then the questionnaire "
                    + "(overall always); note the customer's own words."),
    /** The sales consultant's own 7-day call (7DC) to the buyer, arranged by the showroom supervisor. */
    SEVEN_DAY_CALL("sales", false,
            "Consultant's 7-day call: ask how the first week with the car went, answer questions about its features, "
                    + "remind of the first free maintenance and ask for referrals."),
    SERVICE_FOLLOW_UP("after-sales", true,
            "Ask whether the work done fixed the problem and how the visit went, then the questionnaire (overall always); "
                    + "a problem not fixed is recorded as rework."),
    MAINTENANCE_REMINDER("after-sales", false,
            "Remind the customer of the maintenance coming due (date or mileage) and offer an appointment."),
    COMPLAINT_VERIFICATION(null, false,
            "Tell the customer how the complaint was resolved and ask whether they accept the resolution."),
    REACTIVATION("customer-service", false,
            "The customer has not visited for a long time: ask why (moved, sold the car, unhappy, price) and invite them back."),
    /** Call ahead of the expiry of the insurance policy sold with the car (续保). */
    INSURANCE_RENEWAL("insurance", false,
            "The car's insurance policy expires soon: tell the customer the expiry date and insurer, offer the store's renewal "
                    + "quote and an appointment to sign; note a decision to renew elsewhere.");

    private final String department;
    private final boolean satisfactionSurvey;
    private final String script;

    CallbackKind(String department, boolean satisfactionSurvey, String script) {
        this.department = department;
        this.satisfactionSurvey = satisfactionSurvey;
        this.script = script;
    }

    /** What the caller says and asks on a call of this kind. */
    public String script() {
        return script;
    }

    /** The department a callback of this kind reports on; a verification callback takes its complaint's. */
    public String department() {
        return department;
    }

    /** Follow-ups ask the questionnaire (and count for CSI); reminders and the others do not need it. */
    public boolean satisfactionSurvey() {
        return satisfactionSurvey;
    }
}
