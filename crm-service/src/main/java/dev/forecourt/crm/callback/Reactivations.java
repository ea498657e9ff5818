package dev.forecourt.crm.callback;

import org.springframework.stereotype.Component;

import dev.forecourt.crm.customer.Customer;
import dev.forecourt.crm.customer.Customers;
import dev.forecourt.platform.events.consume.HandlesEvent;

/**
 * A customer who became dormant gets a reactivation call in the next call window. Driven by this
 * service's own CustomerMarkedDormant, so the call follows from the outbox even after a crash.
 */
@Component
class Reactivations {

    record CustomerMarkedDormant(String customerId) {
    }

    private final CallbackTasks tasks;
    private final Customers customers;

    Reactivations(CallbackTasks tasks, Customers customers) {
        this.tasks = tasks;
        this.customers = customers;
    }

    @HandlesEvent("forecourt.crm.customer-marked-dormant.v1")
    void on(CustomerMarkedDormant dormant) {
        Customer customer = customers.require(dormant.customerId());
        if (customer.getDormantSince() == null) {
            return; // visited again before the call was planned
        }
        String vin = customer.getVehicles().isEmpty() ? null : customer.getVehicles().get(0).vin();
        String model = customer.getVehicles().isEmpty() ? null : customer.getVehicles().get(0).model();
        tasks.reactivation(customer, new CallbackTask.Subject(CallbackKind.REACTIVATION, null, customer.getId(),
                customer.getName(), customer.getPhone(), null, null, vin, model, null, null, null, null));
    }
}
