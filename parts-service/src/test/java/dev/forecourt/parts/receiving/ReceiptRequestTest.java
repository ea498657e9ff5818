package dev.forecourt.parts.receiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.errors.DomainException;
import dev.forecourt.platform.errors.FieldProblem;

class ReceiptRequestTest {

    private static ReceiptRequest receipt(ReceiptRequest.Line... lines) {
        return new ReceiptRequest("SAIC-VW Parts", "DN-1", List.of(lines));
    }

    @Test
    void everyDeliveredPieceIsAcceptedOrRejected() {
        assertThatThrownBy(() -> receipt(new ReceiptRequest.Line("P1", 5, 3, 1, "bent")).check(p -> true, p -> true))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldProblems())
                        .extracting(FieldProblem::field).containsExactly("lines[0].accepted"));
    }

    @Test
    void aRejectionNeedsAReason() {
        assertThatThrownBy(() -> receipt(new ReceiptRequest.Line("P1", 5, 4, 1, " ")).check(p -> true, p -> true))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldProblems())
                        .extracting(FieldProblem::field).containsExactly("lines[0].rejectionReason"));
    }

    @Test
    void aLineWithAnUnknownPartIsRefused() {
        assertThatThrownBy(() -> receipt(new ReceiptRequest.Line("P1", 1, 1, 0, null)).check(p -> false, p -> false))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void aNonGenuineLineForAGenuineOemPartIsRefused() {
        ReceiptRequest.Line lookAlike = new ReceiptRequest.Line("P1", 4, 4, 0, null, false);
        assertThatThrownBy(() -> receipt(lookAlike).check(p -> true, p -> true))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldProblems())
                        .extracting(FieldProblem::field).containsExactly("lines[0].genuineOem"));
        assertThatCode(() -> receipt(lookAlike).check(p -> true, p -> false)).doesNotThrowAnyException();
    }

    @Test
    void aCompleteReceiptPasses() {
        assertThatCode(() -> receipt(new ReceiptRequest.Line("P1", 5, 4, 1, "bent"), new ReceiptRequest.Line("P2", 2, 2, 0, null))
                .check(p -> true, p -> true)).doesNotThrowAnyException();
    }
}
