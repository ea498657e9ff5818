package dev.forecourt.sales.leads;

/** The catalogue of reasons a prospect is lost (战败原因), analysed by the lost-lead report; free text adds the detail. */
public enum LostReason {
    PRICE("price too high / better offer elsewhere"),
    COMPETITOR("bought a competitor's model"),
    FINANCING("financing refused or too expensive"),
    PRODUCT("the model does not fit (size, range, features)"),
    DELIVERY_TIME("the car is not available soon enough"),
    TRADE_IN_VALUE("trade-in value too low"),
    SERVICE("unhappy with the showroom's service"),
    POSTPONED("purchase postponed or cancelled"),
    OTHER("other (see the free text)");

    private final String description;

    LostReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
