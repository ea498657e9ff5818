package dev.forecourt.workshop.repairorder;

/**
 * Who brought the car. {@code customerId} is the customer reference shared by sales, workshop and
 * CRM: {@code cust-<mobile digits>}, derived from the phone at reception, so every service names the
 * same customer the same way.
 */
public record Customer(String customerId, String name, String phone) {

    public Customer {
        if (customerId == null && phone != null) {
            customerId = idOf(phone);
        }
    }

    public static Customer of(String name, String phone) {
        return new Customer(idOf(phone), name, phone);
    }

    /** The shared customer reference of a mobile number (digits only). */
    public static String idOf(String phone) {
        return "cust-" + phone.replaceAll("\\D", "");
    }
}
