package dev.forecourt.parts.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import dev.forecourt.parts.catalogue.Catalogue;
import dev.forecourt.parts.catalogue.PartDetails;
import dev.forecourt.parts.countersales.CounterSelling;
import dev.forecourt.parts.issuing.Issuing;
import dev.forecourt.parts.purchasing.OemPartsOrdering;
import dev.forecourt.parts.purchasing.PurchaseOrder;
import dev.forecourt.parts.purchasing.Purchasing;
import dev.forecourt.parts.reservations.ReservationRequest;
import dev.forecourt.parts.reservations.Reservations;
import dev.forecourt.parts.suppliers.Supplier;
import dev.forecourt.parts.suppliers.Suppliers;
import dev.forecourt.platform.errors.Conflict;
import dev.forecourt.parts.repairorders.RepairOrders;
import dev.forecourt.parts.receiving.ReceiptRequest;
import dev.forecourt.parts.receiving.Receiving;

import dev.forecourt.platform.store.ForecourtProperties;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

class DemoDataTest {

    private final MongoTemplate mongo = mock(MongoTemplate.class);
    private final Catalogue catalogue = mock(Catalogue.class);
    private final Receiving receiving = mock(Receiving.class);
    private final Issuing issuing = mock(Issuing.class);
    private final RepairOrders repairOrders = mock(RepairOrders.class);
    private final CounterSelling counterSelling = mock(CounterSelling.class);
    private final Suppliers suppliers = mock(Suppliers.class);
    private final Purchasing purchasing = mock(Purchasing.class);
    private final Reservations reservations = mock(Reservations.class);

    private DemoData demoData(boolean enabled) {
        PurchaseOrder sent = mock(PurchaseOrder.class);
        when(sent.getId()).thenReturn("po-demo");
        when(purchasing.draft(eq("SVW-PC"), any(), any())).thenReturn(sent);
        ForecourtProperties properties = new ForecourtProperties("store-001", "parts-service", ZoneId.of("Asia/Shanghai"), null, null, enabled);
        return new DemoData(properties, mongo, catalogue, receiving, issuing, repairOrders, counterSelling, Clock.systemUTC(), suppliers,
                purchasing, reservations);
    }

    @Test
    void anEmptyDatabaseGetsTheSharedDemoPartsStockAndIssues() {
        when(mongo.count(any(Query.class), any(Class.class))).thenReturn(0L);
        demoData(true).seed();

        ArgumentCaptor<PartDetails> parts = ArgumentCaptor.forClass(PartDetails.class);
        verify(catalogue, times(7)).add(parts.capture());
        assertThat(parts.getAllValues()).extracting(PartDetails::partNumber)
                .containsExactly("06L115562B", "5Q0698151", "04E905612C", "1K0819653B", "5Q0407151A", "G052195M2", "3Q0615301");
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        assertThat(parts.getAllValues()).allSatisfy(part -> assertThat(validator.validate(part)).isEmpty());
        ArgumentCaptor<ReceiptRequest> receipt = ArgumentCaptor.forClass(ReceiptRequest.class);
        verify(receiving).receive(receipt.capture(), any());
        assertThat(receipt.getValue().lines()).hasSize(6);
        assertThat(validator.validate(receipt.getValue())).isEmpty();
        verify(issuing, times(3)).issue(any(), any());
        verify(counterSelling).open(any(), any(), any(), any(), any());
    }

    @Test
    void purchasingHasSuppliersADraftFromTheSuggestionsAndAnOemOrderWithABackOrderThatALineWaitsFor() {
        when(mongo.count(any(Query.class), any(Class.class))).thenReturn(0L);
        when(reservations.reserve(any(), any())).thenThrow(new Conflict("stock-insufficient", "Not enough stock", "none"));
        demoData(true).seed();

        ArgumentCaptor<Supplier.Details> supplier = ArgumentCaptor.forClass(Supplier.Details.class);
        verify(suppliers, times(2)).register(any(), supplier.capture(), any());
        assertThat(supplier.getAllValues()).extracting(Supplier.Details::kind).containsExactly(Supplier.Kind.OEM_PARTS_CENTRE, Supplier.Kind.LOCAL);
        verify(purchasing).draftFromSuggestions(eq("SVW-PC"), anyInt(), anyInt(), any());
        ArgumentCaptor<ReservationRequest> waiting = ArgumentCaptor.forClass(ReservationRequest.class);
        verify(reservations).reserve(waiting.capture(), any());
        assertThat(waiting.getValue().partNumber()).isEqualTo("3Q0615301");
        ArgumentCaptor<OemPartsOrdering.Confirmation> answer = ArgumentCaptor.forClass(OemPartsOrdering.Confirmation.class);
        verify(purchasing).sentToOemParts(eq("po-demo"), answer.capture(), any());
        assertThat(answer.getValue().lines().get(0).backOrderedQuantity()).isPositive();
    }

    @Test
    void aDatabaseWithPartsIsLeftAlone() {
        when(mongo.count(any(Query.class), any(Class.class))).thenReturn(3L);
        demoData(true).seed();
        verify(catalogue, never()).add(any());
    }

    @Test
    void nothingIsSeededUnlessDemoDataIsOn() {
        demoData(false).seed();
        verify(catalogue, never()).add(any());
        verify(mongo, never()).count(any(Query.class), any(Class.class));
    }

}
