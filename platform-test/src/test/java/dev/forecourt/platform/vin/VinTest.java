package dev.forecourt.platform.vin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;

class VinTest {

    @ParameterizedTest
    @ValueSource(strings = {"LSVAB4BM7RN000001", "LSVAB4BM9RN000002", "LSVAB4BM0RN000003", "LSVCD6AZ9RN100001",
            "LSVCD6AZ0RN100002", "LFV3A23C0R3000001", "LFV3A23C2R3000002", "LSGZS8F5XRS000001", "1M8GDM9AXKP042788"})
    void theSharedDemoVinsAndAKnownIsoExampleAreValid(String vin) {
        assertThat(Vin.of(vin).value()).isEqualTo(vin);
    }

    @Test
    void aWrongCheckDigitIsRefusedNamingTheVinField() {
        assertThatThrownBy(() -> Vin.of("LSVAB4BM8RN000001"))
                .isInstanceOfSatisfying(RuleViolated.class, e -> {
                    assertThat(e.type()).isEqualTo("vin-check-digit");
                    assertThat(e.fieldProblems()).extracting(FieldProblem::field).containsExactly("vin");
                });
    }

    @Test
    void aCheckDigitOfTenIsWrittenX() {
        assertThat(Vin.checkDigitOf("LSGZS8F50RS000001")).isEqualTo('X');
    }

    @ParameterizedTest
    @ValueSource(strings = {"LSVAB4BM7RN00000", "LSVAB4BM7RN0000011", "LSVAB4BM7RNO00001", "LSVAB4BM7RN00000!", ""})
    void aVinOfTheWrongLengthOrWithForbiddenCharactersIsRefused(String vin) {
        assertThatThrownBy(() -> Vin.of(vin))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.type()).isEqualTo("vin-format"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LSVAB4BM7RN000001", "LSVAB4BM9RN000002", "LSVAB4BM0RN000003", "LSVCD6AZ9RN100001",
            "LSVCD6AZ0RN100002", "LFV3A23C0R3000001", "LFV3A23C2R3000002", "LSGZS8F5XRS000001", "1M8GDM9AXKP042788"})
    void isValidAcceptsWhatOfAccepts(String vin) {
        assertThat(Vin.isValid(vin)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"LSVAB4BM8RN000001", "LSVAB4BM7RN00000", "LSVAB4BM7RN00000I", "lsvab4bm7rn000001", ""})
    void isValidRefusesAWrongCheckDigitLengthOrLetterAsWritten(String vin) {
        assertThat(Vin.isValid(vin)).isFalse();
    }

    @Test
    void isValidRefusesNull() {
        assertThat(Vin.isValid(null)).isFalse();
    }

    @Test
    void lowerCaseAndSpacesAreNormalised() {
        assertThat(Vin.of("  lsvab4bm7rn000001 ").value()).isEqualTo("LSVAB4BM7RN000001");
    }
}
