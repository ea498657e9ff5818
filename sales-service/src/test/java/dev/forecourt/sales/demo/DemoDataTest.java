package dev.forecourt.sales.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import dev.forecourt.platform.money.Money;
import dev.forecourt.platform.test.EventProbe;
import dev.forecourt.platform.test.EventSchemas;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.sales.delivery.CancellationCause;
import dev.forecourt.sales.delivery.DeliveryAppointment;
import dev.forecourt.sales.delivery.DeliveryAppointmentStatus;
import dev.forecourt.sales.leads.Lead;
import dev.forecourt.sales.orders.SalesOrder;
import dev.forecourt.sales.orders.SalesOrderStatus;
import dev.forecourt.sales.stock.Vehicle;
import dev.forecourt.sales.stock.VehiclePool;
import dev.forecourt.sales.stock.VehicleStatus;
import dev.forecourt.sales.supply.PaymentRequest;
import dev.forecourt.sales.supply.SupplyPlan;
import dev.forecourt.sales.supply.VehicleOrder;
import dev.forecourt.sales.supply.VehicleOrderEvents.ColourLine;
import dev.forecourt.sales.supply.VehicleOrderStatus;

/**
 * The test stack forces {@code forecourt.demo-data=false}, so the seeding is called directly; the
 * shared demo VINs occur nowhere else in the tests.
 */
@ForecourtServiceTest
class DemoDataTest {

    @Autowired
    DemoData demoData;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theDemoStoreHasTheSharedVinsDemoCarsLeadsAndADeliveryCrmCanFollowUp() {
        // the supply plans are one per month: other tests of this run may have made next months' already
        YearMonth thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        mongo.remove(Query.query(Criteria.where("_id").in(SupplyPlan.idOf(thisMonth.plusMonths(1)), SupplyPlan.idOf(thisMonth.plusMonths(2)))),
                SupplyPlan.class);
        demoData.seedDemoStore();

        assertThat(mongo.findById("LSVAB4BM9RN000002", Vehicle.class).getStatus()).isEqualTo(VehicleStatus.IN_STOCK);
        assertThat(mongo.findById("LSVCD6AZ9RN100001", Vehicle.class).getStatus()).isEqualTo(VehicleStatus.RESERVED);
        assertThat(mongo.findById("LFV3A23C2R3000002", Vehicle.class).getStatus()).isEqualTo(VehicleStatus.IN_TRANSIT);
        assertThat(mongo.findById("LSGZS8F5XRS000001", Vehicle.class).getPool()).isEqualTo(VehiclePool.DEMO);
        assertThat(mongo.findById("LSVAB4BM7RN000001", Vehicle.class).getStatus()).isEqualTo(VehicleStatus.DELIVERED);
        assertThat(mongo.count(Query.query(Criteria.where("status").is(dev.forecourt.sales.supply.VehicleOrderStatus.APPROVED)
                .and("note").is("year-end demand")), dev.forecourt.sales.supply.VehicleOrder.class)).as("a call-off ready to send").isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("customer.phone").regex("^1380000000[1-5]$")), Lead.class)).isGreaterThanOrEqualTo(5);

        // vehicle supply to try at once: a call-off allocated and on the road whose payment finance is asked for, next month's colours to order
        VehicleOrder allocated = mongo.findOne(Query.query(Criteria.where("oemOrderId").is(DemoData.DEMO_OEM_ORDER)), VehicleOrder.class);
        assertThat(allocated.getStatus()).isEqualTo(VehicleOrderStatus.DISPATCHED);
        assertThat(allocated.invoiceTotal()).isEqualTo(Money.cny("366804.00"));
        assertThat(mongo.findById("LFV2B25G1T5100001", Vehicle.class).getStatus()).isEqualTo(VehicleStatus.IN_TRANSIT);
        assertThat(mongo.findById("LSVAB4BM0TN200001", Vehicle.class).getStatus()).isEqualTo(VehicleStatus.IN_TRANSIT);
        PaymentRequest requested = mongo.findOne(Query.query(Criteria.where("vehicleOrderId").is(allocated.getId())), PaymentRequest.class);
        assertThat(requested.getStatus()).isEqualTo(PaymentRequest.Status.REQUESTED);
        assertThat(requested.getAmount()).isEqualTo(Money.cny("366804.00"));
        SupplyPlan next = mongo.findById(SupplyPlan.idOf(thisMonth.plusMonths(1)), SupplyPlan.class);
        assertThat(next.getStatus()).as("colours confirmed, not yet ordered").isEqualTo(SupplyPlan.Status.COLOURS_CONFIRMED);
        assertThat(next.getColours()).extracting(ColourLine::quantity).containsExactly(3, 2, 2);
        assertThat(mongo.findById(SupplyPlan.idOf(thisMonth.plusMonths(2)), SupplyPlan.class).getStatus()).isEqualTo(SupplyPlan.Status.FORECAST);

        // 周杰's order was cancelled with its delivery appointment; 李娜's stays scheduled
        SalesOrder cancelled = mongo.findOne(Query.query(Criteria.where("vehicle.vin").is("LSVAB4BM0RN000003")
                .and("status").is(SalesOrderStatus.CANCELLED)).with(Sort.by(Sort.Direction.DESC, "createdAt")), SalesOrder.class);
        DeliveryAppointment withTheOrder = mongo.findOne(Query.query(Criteria.where("salesOrderId").is(cancelled.getId())),
                DeliveryAppointment.class);
        assertThat(withTheOrder.getStatus()).isEqualTo(DeliveryAppointmentStatus.CANCELLED);
        assertThat(withTheOrder.getCancelCause()).isEqualTo(CancellationCause.SALES_ORDER_CANCELLED);
        assertThat(withTheOrder.getCancelReason()).isEqualTo("sales order cancelled: financing refused");
        SalesOrder reserved = mongo.findOne(Query.query(Criteria.where("vehicle.vin").is("LSVCD6AZ9RN100001")
                .and("status").is(SalesOrderStatus.CONFIRMED)), SalesOrder.class);
        assertThat(mongo.findOne(Query.query(Criteria.where("salesOrderId").is(reserved.getId())), DeliveryAppointment.class).getStatus())
                .isEqualTo(DeliveryAppointmentStatus.SCHEDULED);

        try (EventProbe probe = EventProbe.on("forecourt.sales.events")) {
            EventSchemas.assertValid(probe.await("forecourt.sales.delivery-appointment-cancelled.v1", withTheOrder.getId()));
            EventProbe.ReceivedEvent delivered = probe.await(e -> e.type().equals("forecourt.sales.vehicle-delivered.v1")
                    && e.data().get("vin").asString().equals("LSVAB4BM7RN000001"), "demo delivery");
            EventSchemas.assertValid(delivered);
            assertThat(delivered.data().get("customerName").asString()).isEqualTo("张伟");
            assertThat(delivered.data().get("brand").asString()).isEqualTo("Volkswagen");
        }
    }
}
