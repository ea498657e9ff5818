package dev.forecourt.crm.callback;

/** Why a customer is called, and which department the answers are about. */
public enum CallbackKind {
    DELIVERY_FOLLOW_UP("sales", true),
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
