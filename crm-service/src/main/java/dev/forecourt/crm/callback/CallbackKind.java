package dev.forecourt.crm.callback;

/** Why a customer is called, and which department the answers are about. */
public enum CallbackKind {
    /** Customer service's check after a delivery, within 3 days, 100 % reached; asks the questionnaire. */
    DELIVERY_FOLLOW_UP("sales", true),
    /** The sales consultant's own 7-day call (7DC) to the buyer, arranged by the showroom supervisor. */
    SEVEN_DAY_CALL("sales", false),
    SERVICE_FOLLOW_UP("after-sales", true),
    MAINTENANCE_REMINDER("after-sales", false),
    COMPLAINT_VERIFICATION(null, false),
    REACTIVATION("customer-service", false);

    private final String department;
    private final boolean satisfactionSurvey;

    CallbackKind(String department, boolean satisfactionSurvey) {
        this.department = department;
        this.satisfactionSurvey = satisfactionSurvey;
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
