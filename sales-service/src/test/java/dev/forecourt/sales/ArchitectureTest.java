package dev.forecourt.sales;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.test.architecture.ServiceArchitectureTest;
import dev.forecourt.sales.delivery.Handover;
import dev.forecourt.sales.delivery.OrderCancellation;
import dev.forecourt.sales.orders.OrderRecords.DeliveryChecklist;
import dev.forecourt.sales.orders.SalesOrders;

/** The Forecourt conventions (domain speaks no HTTP, controllers answer views, …) over sales-service's classes, and sales' own. */
class ArchitectureTest extends ServiceArchitectureTest {

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.forecourt.sales");

    // another way to end an order would leave its delivery appointment SCHEDULED: the calendar would show a car that is gone

    @Test
    void onlyOrderCancellationCancelsASalesOrder() {
        noClasses().that().doNotBelongToAnyOf(OrderCancellation.class)
                .should().callMethod(SalesOrders.class, "cancel", String.class, ExpectedVersion.class, String.class, Actor.class)
                .check(PRODUCTION);
    }

    @Test
    void onlyHandoverDeliversASalesOrder() {
        noClasses().that().doNotBelongToAnyOf(Handover.class)
                .should().callMethod(SalesOrders.class, "deliver", String.class, ExpectedVersion.class, LocalDate.class, int.class,
                        DeliveryChecklist.class, String.class, Actor.class)
                .check(PRODUCTION);
    }
}
