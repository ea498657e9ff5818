package dev.forecourt.workshop.repairorder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VinCheckDigitTest {

    @ParameterizedTest
    @ValueSource(strings = {"LSVAB4BM7RN000001", "LSVAB4BM9RN000002", "LSVAB4BM0RN000003", "LSVCD6AZ9RN100001",
            "LSVCD6AZ0RN100002", "LFV3A23C0R3000001", "LFV3A23C2R3000002", "LSGZS8F5XRS000001"})
    void theSharedDemoVinsAreValid(String vin) {
        assertThat(VinCheckDigit.isValid(vin)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"LSVAB4BM8RN000001", "LSVAB4BM7RN00000", "LSVAB4BM7RN00000I"})
    void aWrongCheckDigitOrLengthOrLetterIsRefused(String vin) {
        assertThat(VinCheckDigit.isValid(vin)).isFalse();
    }
}
