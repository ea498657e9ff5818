package dev.forecourt.crm.web;

import dev.forecourt.platform.security.Staff;

/**
 * Who did something, as recorded in histories. Domain services take it as a parameter rather
 * than reading the security context, so jobs, event handlers and demo data can act too.
 */
public record Actor(String id, String name) {

    public static final Actor SYSTEM = new Actor("system", "crm-service");

    public static Actor currentStaff() {
        Staff staff = Staff.require();
        return new Actor(staff.employeeId(), staff.name() != null ? staff.name() : staff.username());
    }
}
